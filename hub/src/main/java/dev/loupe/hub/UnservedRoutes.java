package dev.loupe.hub;

import dev.loupe.core.platform.SessionOnlyRoute;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Routes of the platform that make no sense on a local hub (cloud training, GPU stock, model
 * exports on the platform's machines, deployments, billing, teams, ...) and the routes that need a
 * platform browser session: answered 403 with the error-code table's {@code FORBIDDEN} and what to do
 * instead. Anything else unknown is a 404.
 */
final class UnservedRoutes {
  private UnservedRoutes() {}

  static void register(RoutesConfig routes) {
    routes.post("/api/training/start", ctx -> refuse("cloud training runs on the Ultralytics Platform; train on this machine with 'loupe train'"));
    routes.get("/api/training/gpu-availability", ctx -> refuse("the hub rents no GPUs; 'loupe train' uses this machine's"));
    for (String p : new String[] {"/api/exports", "/api/exports/*"}) {
      routes.get(p, ctx -> refuse("model exports run on the platform; export on this machine with 'yolo export'"));
      routes.post(p, ctx -> refuse("model exports run on the platform; export on this machine with 'yolo export'"));
      routes.delete(p, ctx -> refuse("model exports run on the platform"));
    }
    for (String area : new String[] {"deployments", "billing", "teams", "members", "invites", "integrations", "storage",
        "activity", "settings", "onboarding", "gdpr", "monitoring"}) {
      for (String p : new String[] {"/api/" + area, "/api/" + area + "/*"}) {
        routes.get(p, UnservedRoutes::area);
        routes.post(p, UnservedRoutes::area);
        routes.patch(p, UnservedRoutes::area);
        routes.delete(p, UnservedRoutes::area);
      }
    }
  }

  private static void area(Context ctx) {
    String path = ctx.path().substring("/api".length());
    Optional<SessionOnlyRoute> session = SessionOnlyRoute.match(ctx.method().name(), path);
    refuse(session.map(r -> r.description() + " needs a platform browser session").orElse(
        ctx.method().name() + " " + ctx.path() + " is a platform service a local hub does not offer"));
  }

  private static void refuse(String why) {
    throw ApiException.forbidden("not served by the Loupe hub: " + why);
  }
}
