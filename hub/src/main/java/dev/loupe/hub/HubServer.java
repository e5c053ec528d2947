package dev.loupe.hub;

import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.inference.ModelLoadException;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.SessionOnlyRoute;
import dev.loupe.core.workspace.ApiKeyRecord;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.InvalidLabelsException;
import dev.loupe.core.workspace.ModelNotRunnableException;
import dev.loupe.core.workspace.NotFoundException;
import dev.loupe.core.workspace.Workspace;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.time.Clock;
import java.time.Duration;

/**
 * The hub: the Ultralytics Platform REST API served over a local workspace ({@code loupe serve}), on
 * Javalin (Jetty 12). Under {@code /api} every request needs a valid API key of the workspace and
 * counts against its key's per-category sliding window; under {@code /files} the hub's signed URLs
 * serve and take file bytes without a key, as the platform's storage does. Errors are the
 * platform's {@code {"error": "..."}} with the status of its error-code table. Start it with
 * {@link #start}; {@link #close} stops it (the workspace stays open: its owner closes it).
 */
public final class HubServer implements AutoCloseable {
  /** Set on a request whose error answer is written (the 404 handler leaves it as it is). */
  private static final String ANSWERED = "hub.answered";

  private final Javalin app;
  private final HubConfig config;
  private final Predictors predictors;

  private HubServer(Javalin app, HubConfig config, Predictors predictors) {
    this.app = app;
    this.config = config;
    this.predictors = predictors;
  }

  /** Starts serving {@code workspace} as {@code config} says, predicting with the local engines. */
  public static HubServer start(Workspace workspace, HubConfig config) {
    return start(workspace, config, file -> ModelLoader.load(file, EngineOptions.DEFAULTS));
  }

  /** Starts serving {@code workspace}, loading models for predict with {@code predictorFactory}. */
  public static HubServer start(Workspace workspace, HubConfig config, PredictorFactory predictorFactory) {
    HubServices hub = new HubServices(workspace, config);
    Predictors predictors = new Predictors(workspace, predictorFactory);
    ApiKeyStore keys = ApiKeyStore.of(workspace);
    KeyGuard guard = new KeyGuard(keys, config.clock());
    RateLimiter limiter = new RateLimiter(config.limits(), config.clock());
    UploadSessions uploads = new UploadSessions(workspace.root().resolve("tmp").resolve("hub-uploads"), config.clock());
    Javalin app = Javalin.create(c -> configure(c, config, hub, keys, guard, limiter, uploads, predictors));
    try {
      app.start();
    } catch (RuntimeException e) {
      predictors.close();
      throw bindFailure(config, e);
    }
    return new HubServer(app, config, predictors);
  }

  /** A port in use or an address not of this machine, said as such; other failures as they are. */
  private static RuntimeException bindFailure(HubConfig config, RuntimeException e) {
    Throwable deepest = e;
    boolean bind = e instanceof JavalinBindException;
    while (deepest.getCause() != null) {
      deepest = deepest.getCause();
      bind |= deepest instanceof java.net.BindException || deepest instanceof java.nio.channels.UnresolvedAddressException;
    }
    if (!bind) {
      return e;
    }
    String why = deepest instanceof java.nio.channels.UnresolvedAddressException ? "no such address"
        : deepest.getMessage() != null ? deepest.getMessage().toLowerCase(java.util.Locale.ROOT) : "the port is in use";
    java.net.BindException failure = new java.net.BindException(
        "cannot listen on " + config.bind() + ":" + config.port() + ": " + why);
    failure.initCause(e);
    return new java.io.UncheckedIOException(failure);
  }

  private static void configure(JavalinConfig c, HubConfig config, HubServices hub, ApiKeyStore keys, KeyGuard guard,
      RateLimiter limiter, UploadSessions uploads, Predictors predictors) {
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.jetty.host = config.bind();
    c.jetty.port = config.port();
    c.http.maxRequestSize = config.maxBodyBytes();
    c.http.compressionStrategy = CompressionStrategy.NONE;
    c.jetty.multipartConfig.maxFileSize(PredictRoutes.MAX_BYTES, SizeUnit.BYTES);
    c.jetty.multipartConfig.maxTotalRequestSize(PredictRoutes.MAX_BYTES + (1 << 20), SizeUnit.BYTES);
    c.routes.before(RequestLog::start);
    c.routes.before("/api/*", ctx -> admit(ctx, guard, limiter));
    c.routes.after(RequestLog::finish);
    DatasetRoutes datasets = new DatasetRoutes(hub);
    new IngestRoutes(hub, uploads).register(c.routes);
    datasets.register(c.routes);
    new ImageRoutes(hub, datasets).register(c.routes);
    new ExportRoutes(hub, datasets).register(c.routes);
    new UploadRoutes(hub, uploads).register(c.routes);
    new ProjectRoutes(hub).register(c.routes);
    ModelRoutes models = new ModelRoutes(hub);
    models.register(c.routes);
    new PredictRoutes(hub, models, predictors).register(c.routes);
    new KeyRoutes(hub, keys, guard).register(c.routes);
    new TrashRoutes(hub).register(c.routes);
    new FileRoutes(hub, uploads).register(c.routes);
    UnservedRoutes.register(c.routes);
    c.routes.exception(Exception.class, (e, ctx) -> failed(e, ctx, config.clock()));
    c.routes.error(404, HubServer::notFound);
  }

  /** The key first (401), then its rate window (429), before any route runs. */
  private static void admit(Context ctx, KeyGuard guard, RateLimiter limiter) {
    ApiKeyRecord key = guard.check(ctx);
    RateCategory category = RouteCategory.of(ctx.method().name(), ctx.path());
    RateLimiter.Decision d = limiter.acquire(key.id(), category);
    ctx.header("X-RateLimit-Limit", Integer.toString(d.limit()));
    ctx.header("X-RateLimit-Remaining", Integer.toString(d.remaining()));
    if (!d.allowed()) {
      throw ApiException.rateLimited("rate limit exceeded: " + d.limit() + " " + category.name().toLowerCase()
          + " requests per minute per API key", d.reset());
    }
  }

  private static void failed(Exception e, Context ctx, Clock clock) {
    if (e instanceof ApiException a) {
      if (a.retryAt() != null) {
        long seconds = Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), a.retryAt()).toMillis() / 1000.0));
        ctx.header("Retry-After", Long.toString(seconds));
        ctx.header("X-RateLimit-Reset", a.retryAt().toString());
      }
      error(ctx, a.status(), a.code().name(), a.getMessage());
    } else if (e instanceof HttpResponseException h) {
      error(ctx, h.getStatus(), h.getStatus() == 413 ? "VALIDATION_ERROR" : null,
          h.getStatus() == 413 ? "the request body is too large" : h.getMessage());
    } else if (e instanceof NotFoundException) {
      error(ctx, 404, "NOT_FOUND", e.getMessage());
    } else if (e instanceof ConflictException) {
      error(ctx, 409, "CONFLICT", e.getMessage());
    } else if (e instanceof InvalidLabelsException) {
      error(ctx, 400, "VALIDATION_ERROR", e.getMessage());
    } else if (e instanceof ModelNotRunnableException || e instanceof ModelLoadException) {
      error(ctx, 400, "VALIDATION_ERROR", e.getMessage());
    } else if (e instanceof IllegalArgumentException) {
      error(ctx, 400, "VALIDATION_ERROR", e.getMessage());
    } else {
      RequestLog.failure(ctx, e);
      error(ctx, 500, "INTERNAL_ERROR", "the hub failed: " + e.getClass().getSimpleName());
    }
  }

  private static void notFound(Context ctx) {
    if (ctx.attribute(ANSWERED) != null) {
      return;
    }
    String path = ctx.path().startsWith("/api") ? ctx.path().substring(4) : ctx.path();
    SessionOnlyRoute session = SessionOnlyRoute.match(ctx.method().name(), path).orElse(null);
    if (session != null && ctx.path().startsWith("/api/")) {
      error(ctx, 403, "FORBIDDEN", "not served by the Loupe hub: " + session.description() + " needs a platform browser session");
    } else {
      error(ctx, 404, "NOT_FOUND", "no route " + ctx.method().name() + " " + ctx.path());
    }
  }

  private static void error(Context ctx, int status, String code, String message) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    var n = HubJson.object().put("error", message == null ? "error " + status : message);
    if (code != null) {
      n.put("code", code);
    }
    HubJson.send(ctx, status, n);
  }

  /** The port the hub listens on (the one picked when asked for 0). */
  public int port() {
    return app.port();
  }

  /** The API's base URL, e.g. {@code http://127.0.0.1:8765/api}. */
  public String baseUrl() {
    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port() + "/api";
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      predictors.close();
    }
  }
}
