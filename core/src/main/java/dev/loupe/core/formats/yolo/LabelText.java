package dev.loupe.core.formats.yolo;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts label-file text into lines, rows into tokens, and tells a number token, as the regular
 * expressions {@code \r\n|\r|\n}, {@code \s+} and {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}
 * would, without compiling and running a pattern per file, row and token (an import reads millions
 * of rows). Stateless.
 */
final class LabelText {
  private LabelText() {}

  /**
   * The lines of {@code text}, broken at {@code \r\n}, {@code \r} or {@code \n}; line {@code i} is
   * line number {@code i + 1} of the file. Empty lines are kept (a trailing one may be left out).
   */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(text.substring(start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(text.substring(start));
    }
    return lines;
  }

  /** The tokens of a row, split at runs of ASCII white space (what {@code \s} matches). */
  static String[] tokens(String row) {
    List<String> tokens = new ArrayList<>(8);
    int n = row.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(row.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(row.charAt(i))) {
        i++;
      }
      if (i > start) {
        tokens.add(row.substring(start, i));
      }
    }
    return tokens.toArray(new String[0]);
  }

  /** A decimal number as YOLO writers print it: {@code 0.5}, {@code 2}, {@code -1}, {@code 5.9e-06}, {@code .5}. */
  static boolean isNumber(String token) {
    int n = token.length();
    int i = 0;
    if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-')) {
      i++;
    }
    int intEnd = digitsFrom(token, i);
    int fractionEnd = intEnd;
    if (intEnd < n && token.charAt(intEnd) == '.') {
      fractionEnd = digitsFrom(token, intEnd + 1);
    }
    if (intEnd == i && fractionEnd <= intEnd + 1) {
      return false; // no digit before or after the point
    }
    i = fractionEnd;
    if (i < n && (token.charAt(i) == 'e' || token.charAt(i) == 'E')) {
      i++;
      if (i < n && (token.charAt(i) == '+' || token.charAt(i) == '-')) {
        i++;
      }
      int exponentEnd = digitsFrom(token, i);
      if (exponentEnd == i) {
        return false;
      }
      i = exponentEnd;
    }
    return i == n;
  }

  /** Where the run of ASCII digits starting at {@code i} ends. */
  private static int digitsFrom(String token, int i) {
    while (i < token.length() && token.charAt(i) >= '0' && token.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
