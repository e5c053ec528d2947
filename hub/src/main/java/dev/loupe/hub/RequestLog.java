package dev.loupe.hub;

import io.javalin.http.Context;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * One line per request: method, path, status and time, never headers, query strings or bodies (so
 * neither an API key nor a URL signature reaches the log).
 */
final class RequestLog {
  static final String LOGGER = "dev.loupe.hub";
  private static final Logger LOG = System.getLogger(LOGGER);
  private static final String STARTED = "hub.started";

  private RequestLog() {}

  static void start(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  static void finish(Context ctx) {
    Long started = ctx.attribute(STARTED);
    long micros = started == null ? -1 : (System.nanoTime() - started) / 1000;
    LOG.log(Level.DEBUG, () -> ctx.method().name() + " " + ctx.path() + " -> " + ctx.statusCode() + " (" + micros / 1000.0 + " ms)");
  }

  static void failure(Context ctx, Throwable e) {
    LOG.log(Level.WARNING, ctx.method().name() + " " + ctx.path() + " failed", e);
  }
}
