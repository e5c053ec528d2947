package dev.loupe.core.platform;

import java.time.Duration;

/**
 * A platform request that failed: the HTTP status (0 when no response came), the error code and the
 * server's own message ({@code {"error": "..."}}). One subclass per kind, so callers catch what they
 * can handle ({@link NotFound}, {@link Conflict}, ...). Messages never hold the API key.
 */
public class PlatformException extends RuntimeException {
  private final int status;
  private final ErrorCode code;
  private final String serverMessage;

  PlatformException(int status, ErrorCode code, String serverMessage, String message, Throwable cause) {
    super(ApiKey.scrub(message), cause);
    this.status = status;
    this.code = code;
    this.serverMessage = ApiKey.scrub(serverMessage);
  }

  /** The HTTP status, or 0 when the request got no response. */
  public int status() {
    return status;
  }

  public ErrorCode code() {
    return code;
  }

  /** The server's message ({@code error} of the body), or null when it sent none. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The exception for an error response to {@code what} (e.g. {@code GET /api/datasets}). */
  static PlatformException fromResponse(
      int status, String serverCode, String serverMessage, String what, Duration retryAfter) {
    ErrorCode code = ErrorCode.of(serverCode, status);
    String text = (serverMessage == null || serverMessage.isBlank() ? "HTTP " + status : serverMessage)
        + " (" + status + (code == ErrorCode.UNKNOWN ? "" : " " + code.name()) + ", " + what + ")";
    return switch (code) {
      case VALIDATION_ERROR -> new Invalid(status, code, serverMessage, text);
      case UNAUTHORIZED -> new Unauthorized(status, code, serverMessage, text);
      case FORBIDDEN -> new Forbidden(status, code, serverMessage, text);
      case NOT_FOUND -> new NotFound(status, code, serverMessage, text);
      case CONFLICT -> new Conflict(status, code, serverMessage, text);
      case RATE_LIMITED -> new RateLimited(status, serverMessage, text, retryAfter);
      case INTERNAL_ERROR -> new ServerError(status, code, serverMessage, text);
      case UNKNOWN -> status >= 500
          ? new ServerError(status, code, serverMessage, text)
          : new PlatformException(status, code, serverMessage, text, null);
    };
  }

  /** 400 {@code VALIDATION_ERROR}: the request's data was refused. */
  public static final class Invalid extends PlatformException {
    Invalid(int status, ErrorCode code, String serverMessage, String message) {
      super(status, code, serverMessage, message, null);
    }
  }

  /** 401 {@code UNAUTHORIZED}: the API key is missing, wrong or revoked. */
  public static class Unauthorized extends PlatformException {
    Unauthorized(int status, ErrorCode code, String serverMessage, String message) {
      super(status, code, serverMessage, message, null);
    }
  }

  /** No API key was found anywhere; nothing was sent. */
  public static final class NoApiKey extends Unauthorized {
    NoApiKey(String what) {
      super(0, ErrorCode.UNAUTHORIZED, null,
          what + " needs an API key: set LOUPE_API_KEY, run 'loupe platform login' or 'yolo settings api_key=...'");
    }
  }

  /** 403 {@code FORBIDDEN}: the key may not do this (or a signed URL was refused, e.g. expired). */
  public static final class Forbidden extends PlatformException {
    Forbidden(int status, ErrorCode code, String serverMessage, String message) {
      super(status, code, serverMessage, message, null);
    }
  }

  /** 404 {@code NOT_FOUND}. */
  public static final class NotFound extends PlatformException {
    NotFound(int status, ErrorCode code, String serverMessage, String message) {
      super(status, code, serverMessage, message, null);
    }
  }

  /** 409: a duplicate (a slug taken, ...). */
  public static final class Conflict extends PlatformException {
    Conflict(int status, ErrorCode code, String serverMessage, String message) {
      super(status, code, serverMessage, message, null);
    }
  }

  /** 429 {@code RATE_LIMITED} that waiting did not cure, with the wait the server last asked for. */
  public static final class RateLimited extends PlatformException {
    private final Duration retryAfter;

    RateLimited(int status, String serverMessage, String message, Duration retryAfter) {
      super(status, ErrorCode.RATE_LIMITED, serverMessage, message, null);
      this.retryAfter = retryAfter;
    }

    /** How long the server asked to wait, or null when it did not say. */
    public Duration retryAfter() {
      return retryAfter;
    }
  }

  /** 5xx {@code INTERNAL_ERROR} (after the retries an idempotent request gets). */
  public static final class ServerError extends PlatformException {
    ServerError(int status, ErrorCode code, String serverMessage, String message) {
      super(status, code, serverMessage, message, null);
    }
  }

  /** No response: the connection failed or broke (after the retries an idempotent request gets). */
  public static final class Unreachable extends PlatformException {
    Unreachable(String message, Throwable cause) {
      super(0, ErrorCode.UNKNOWN, null, message, cause);
    }
  }

  /** A route that needs a platform browser session, which an API key cannot open; never sent. */
  public static final class BrowserSessionRequired extends PlatformException {
    private final SessionOnlyRoute route;

    BrowserSessionRequired(SessionOnlyRoute route) {
      super(0, ErrorCode.UNAUTHORIZED, null,
          route.method() + " /api" + route.template() + " (" + route.description()
              + ") needs a platform browser session and cannot be used with an API key; use the platform's web UI",
          null);
      this.route = route;
    }

    public SessionOnlyRoute route() {
      return route;
    }
  }

  /** The response was not the JSON the route returns. */
  public static final class BadResponse extends PlatformException {
    BadResponse(int status, String message, Throwable cause) {
      super(status, ErrorCode.UNKNOWN, null, message, cause);
    }
  }
}
