package dev.loupe.hub;

import java.util.regex.Pattern;

/**
 * Checks what a request names in its path before anything is looked up: ids and slugs are letters,
 * digits, {@code _} and {@code -}; image hashes are sha-256 hex. Nothing else (no {@code ..}, no
 * separators, no dots) reaches a store or a file name.
 */
final class PathIds {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private PathIds() {}

  /** {@code value} if it is a well-formed id or slug, else a 400 naming {@code what}. */
  static String id(String value, String what) {
    if (value == null || !ID.matcher(value).matches()) {
      throw ApiException.badRequest("invalid " + what + ": letters, digits, '_' and '-' only");
    }
    return value;
  }

  /** {@code value} if it is an image hash (64 lower-case hex digits), else a 400. */
  static String hash(String value) {
    if (value == null || !HASH.matcher(value).matches()) {
      throw ApiException.badRequest("invalid image hash: expected the image's sha-256 (64 hex digits)");
    }
    return value;
  }
}
