package dev.loupe.core.inference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Python literal as Ultralytics writes its model metadata with {@code str()}: dicts (any
 * literal keys, e.g. {@code {0: 'person'}}), lists, tuples, strings in single or double quotes with
 * backslash escapes, {@code True}/{@code False}/{@code None}, ints and floats (scientific notation,
 * {@code inf}, {@code nan}). JSON's {@code true}/{@code false}/{@code null} are read too, so the
 * JSON that a TorchScript export stores goes through the same parser.
 *
 * <p>Values come back as Java objects: {@link Map} (insertion order), {@link List} (for lists and
 * tuples), {@link String}, {@link Boolean}, {@link Long} (or {@link BigInteger} when too large),
 * {@link Double}, and {@code null} for None. The collections are unmodifiable.
 */
public final class PythonLiteral {
  private final String text;
  private int pos;

  private PythonLiteral(String text) {
    this.text = text;
  }

  /**
   * @throws IllegalArgumentException naming the position and what was found, when {@code text} is
   *     not one complete literal
   */
  public static Object parse(String text) {
    PythonLiteral parser = new PythonLiteral(text);
    Object value = parser.value();
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the value");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> dict();
      case '[' -> sequence('[', ']');
      case '(' -> sequence('(', ')');
      case '\'', '"' -> string();
      default -> {
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
          yield number();
        }
        if (Character.isLetter(c)) {
          yield word();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<Object, Object> dict() {
    pos++; // {
    Map<Object, Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      Object key = value();
      skipSpace();
      expect(':');
      map.put(key, value());
      skipSpace();
      char c = next("',' or '}'");
      if (c == '}') {
        return Collections.unmodifiableMap(map);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
      skipSpace();
      if (peek() == '}') { // trailing comma
        pos++;
        return Collections.unmodifiableMap(map);
      }
    }
  }

  private List<Object> sequence(char open, char close) {
    pos++; // [ or (
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == close) {
      pos++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      list.add(value());
      skipSpace();
      char c = next("',' or '" + close + "'");
      if (c == close) {
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '" + close + "' to continue what '" + open + "' opened");
      }
      skipSpace();
      if (peek() == close) { // trailing comma, as in the tuple (1,)
        pos++;
        return Collections.unmodifiableList(list);
      }
    }
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("the string is not closed");
      }
      char c = text.charAt(pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error("the string is not closed");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'a' -> out.append('\u0007');
        case 'v' -> out.append('\u000b');
        case '0' -> out.append('\0');
        case 'x' -> out.appendCodePoint(hex(2));
        case 'u' -> out.appendCodePoint(hex(4));
        case 'U' -> out.appendCodePoint(hex(8));
        case '/' -> out.append('/'); // JSON
        case '\n' -> {} // line continuation
        default -> out.append(e); // \\ \' \" and anything else kept as Python keeps unknown ones
      }
    }
  }

  private int hex(int digits) {
    if (pos + digits > text.length()) {
      throw error("a \\x, \\u or \\U escape is cut short");
    }
    try {
      int value = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
      pos += digits;
      return value;
    } catch (NumberFormatException e) {
      throw error("a \\x, \\u or \\U escape has a digit that is not hexadecimal");
    }
  }

  private Object number() {
    int start = pos;
    if (peek() == '-' || peek() == '+') {
      pos++;
      if (Character.isLetter(peek())) { // -inf
        Object word = word();
        if (word instanceof Double d) {
          return text.charAt(start) == '-' ? -d : d;
        }
        throw error("a sign before " + word);
      }
    }
    boolean floating = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c >= '0' && c <= '9' || c == '_') {
        pos++;
      } else if (c == '.' || c == 'e' || c == 'E') {
        floating = true;
        pos++;
        if ((c == 'e' || c == 'E') && (peek() == '-' || peek() == '+')) {
          pos++;
        }
      } else {
        break;
      }
    }
    String digits = text.substring(start, pos).replace("_", "");
    try {
      if (floating) {
        return Double.parseDouble(digits);
      }
      BigInteger big = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    } catch (NumberFormatException e) {
      pos = start;
      throw error("'" + digits + "' is not a number");
    }
  }

  private Object word() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    String word = text.substring(start, pos);
    return switch (word) {
      case "True", "true" -> Boolean.TRUE;
      case "False", "false" -> Boolean.FALSE;
      case "None", "null" -> null;
      case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
      case "nan", "NaN" -> Double.NaN;
      default -> {
        pos = start;
        throw error("'" + word + "' is not a literal (only True, False, None, numbers, strings and"
            + " containers are)");
      }
    };
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next(String expected) {
    if (pos >= text.length()) {
      throw error("expected " + expected + " before the end");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String message) {
    int from = Math.max(0, pos - 20);
    int to = Math.min(text.length(), pos + 20);
    return new IllegalArgumentException(
        "not a Python literal: " + message + " at position " + pos + " (near \""
            + text.substring(from, to) + "\")");
  }
}
