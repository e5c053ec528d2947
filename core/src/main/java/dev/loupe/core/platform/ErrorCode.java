package dev.loupe.core.platform;

/**
 * The platform's error codes (the reference's error-code table) and the HTTP status of each.
 * {@code CONFLICT} is the status table's 409 (a duplicate), which the code table does not name.
 */
public enum ErrorCode {
  VALIDATION_ERROR(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  /** A status or code the table does not list. */
  UNKNOWN(0);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The code for a response: the server's own when it sent a known one, else the status's. */
  public static ErrorCode of(String serverCode, int status) {
    if (serverCode != null) {
      for (ErrorCode c : values()) {
        if (c != UNKNOWN && c.name().equalsIgnoreCase(serverCode)) {
          return c;
        }
      }
    }
    for (ErrorCode c : values()) {
      if (c.status == status) {
        return c;
      }
    }
    return status >= 500 ? INTERNAL_ERROR : UNKNOWN;
  }
}
