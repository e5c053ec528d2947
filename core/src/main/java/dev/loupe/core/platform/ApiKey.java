package dev.loupe.core.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * An Ultralytics Platform API key: {@code ul_} and 40 hexadecimal digits, checked when made. The
 * value leaves this object only as an {@code Authorization} header ({@link #bearer()}) or in the
 * settings file; {@link #toString()} and every message about a bad key never show it.
 */
public final class ApiKey {
  private static final Pattern FORMAT = Pattern.compile("ul_[0-9a-fA-F]{40}");
  private static final Pattern ANYWHERE = Pattern.compile("ul_[0-9a-fA-F]{40}");

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /**
   * The key in {@code text} (surrounding blanks ignored).
   *
   * @throws IllegalArgumentException when it is not {@code ul_} + 40 hex digits; the message tells
   *     what is wrong without repeating the text
   */
  @JsonCreator
  public static ApiKey parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no API key given (expected ul_ followed by 40 hex digits)");
    }
    String trimmed = text.strip();
    if (!FORMAT.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "not an Ultralytics API key: expected ul_ followed by 40 hex digits, got "
              + trimmed.length() + " characters" + (trimmed.startsWith("ul_") ? "" : " not starting with ul_"));
    }
    return new ApiKey(trimmed);
  }

  /** Whether {@code text} is a well-formed key. */
  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text.strip()).matches();
  }

  /** {@code text} with anything shaped like an API key replaced by {@code ul_<redacted>}. */
  public static String scrub(String text) {
    return text == null ? null : ANYWHERE.matcher(text).replaceAll("ul_<redacted>");
  }

  /** The {@code Authorization} header value. */
  public String bearer() {
    return "Bearer " + value;
  }

  /** The key itself, for the settings file only. */
  @JsonValue
  String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiKey other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "ApiKey[ul_<redacted>]";
  }
}
