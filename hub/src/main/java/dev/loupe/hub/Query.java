package dev.loupe.hub;

import io.javalin.http.Context;

/** Query parameters, checked: a bad value is a 400 that names the parameter. */
final class Query {
  private Query() {}

  static int integer(Context ctx, String name, int absent, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw ApiException.badRequest("'" + name + "' must be " + min + ".." + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' must be an integer");
    }
  }

  /** {@code true}/{@code false}, or null when absent. */
  static Boolean bool(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (v.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw ApiException.badRequest("'" + name + "' must be true or false");
  }
}
