package dev.loupe.hub;

import dev.loupe.core.platform.ErrorCode;
import java.time.Instant;

/**
 * A request the hub refuses, with the status and message of the platform's error-code table; the
 * exception handler answers {@code {"error": message}}.
 */
final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final int status;
  private final Instant retryAt;

  ApiException(ErrorCode code, int status, String message, Instant retryAt) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.retryAt = retryAt;
  }

  static ApiException badRequest(String message) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, 400, message, null);
  }

  static ApiException unauthorized(String message) {
    return new ApiException(ErrorCode.UNAUTHORIZED, 401, message, null);
  }

  static ApiException forbidden(String message) {
    return new ApiException(ErrorCode.FORBIDDEN, 403, message, null);
  }

  static ApiException notFound(String message) {
    return new ApiException(ErrorCode.NOT_FOUND, 404, message, null);
  }

  static ApiException tooLarge(String message) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, 413, message, null);
  }

  static ApiException rateLimited(String message, Instant retryAt) {
    return new ApiException(ErrorCode.RATE_LIMITED, 429, message, retryAt);
  }

  ErrorCode code() {
    return code;
  }

  int status() {
    return status;
  }

  /** When a rate-limited request may be sent again; null for other errors. */
  Instant retryAt() {
    return retryAt;
  }
}
