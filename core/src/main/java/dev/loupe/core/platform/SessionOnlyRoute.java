package dev.loupe.core.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Routes of the platform that need an active browser session and do not accept an API key (the
 * reference says so for each). The client never sends them: {@link PlatformClient#send} throws
 * {@link PlatformException.BrowserSessionRequired} naming the route. Templates are relative to
 * {@code /api}; {@code {id}} stands for one path segment, a trailing {@code /**} for any below.
 */
public enum SessionOnlyRoute {
  DATASET_ICON_UPLOAD("POST", "/datasets/{id}/icon", "upload a dataset icon"),
  DATASET_ICON_DELETE("DELETE", "/datasets/{id}/icon", "remove a dataset icon"),
  DATASET_CLONE("POST", "/datasets/{id}/clone", "clone a dataset"),
  CLASSES_MERGE("POST", "/datasets/{id}/classes/merge", "merge classes"),
  CLASSES_DELETE("POST", "/datasets/{id}/classes/delete", "delete classes"),
  SPLITS_REDISTRIBUTE("POST", "/datasets/{id}/splits/redistribute", "redistribute splits"),
  PROJECT_CLONE("POST", "/projects/{id}/clone", "clone a project"),
  PROJECT_ICON_UPLOAD("POST", "/projects/{id}/icon", "upload a project icon"),
  PROJECT_ICON_DELETE("DELETE", "/projects/{id}/icon", "remove a project icon"),
  MODEL_CLONE("POST", "/models/{id}/clone", "clone a model"),
  PREDICT_TOKEN("POST", "/models/{id}/predict/token", "issue a browser predict token"),
  PREDICT_WARMUP("POST", "/models/{id}/predict/warmup", "warm up a model"),
  TRAINING_STATUS("GET", "/models/{id}/training", "training status of a private model"),
  TRAINING_CANCEL("DELETE", "/models/{id}/training", "cancel training"),
  DEPLOYMENT_START("POST", "/deployments/{id}/start", "start a deployment"),
  DEPLOYMENT_STOP("POST", "/deployments/{id}/stop", "stop a deployment"),
  DEPLOYMENT_HEALTH("GET", "/deployments/{id}/health", "deployment health"),
  DEPLOYMENT_PREDICT("POST", "/deployments/{id}/predict", "predict through the deployment proxy"),
  DEPLOYMENT_METRICS("GET", "/deployments/{id}/metrics", "deployment metrics"),
  DEPLOYMENT_LOGS("GET", "/deployments/{id}/logs", "deployment logs"),
  MONITORING("*", "/monitoring/**", "aggregate monitoring"),
  TRASH_EMPTY("DELETE", "/trash/empty", "empty the trash"),
  ACTIVITY("*", "/activity/**", "the activity feed"),
  STORAGE("*", "/storage/**", "storage usage"),
  BILLING("*", "/billing/**", "billing"),
  TEAMS("*", "/teams/**", "teams"),
  MEMBERS("*", "/members/**", "workspace members"),
  INVITES("*", "/invites/**", "invites"),
  SETTINGS("*", "/settings/**", "profile settings"),
  ONBOARDING("*", "/onboarding/**", "onboarding"),
  GDPR("*", "/gdpr/**", "GDPR export and deletion");

  private final String method;
  private final String template;
  private final String description;
  private final Pattern pattern;

  SessionOnlyRoute(String method, String template, String description) {
    this.method = method;
    this.template = template;
    this.description = description;
    String regex = template.endsWith("/**")
        ? Pattern.quote(template.substring(0, template.length() - 3)) + "(/.*)?"
        : Pattern.quote(template).replace("{id}", "\\E[^/]+\\Q");
    this.pattern = Pattern.compile(regex);
  }

  /** The HTTP method, or {@code *} for all. */
  public String method() {
    return method;
  }

  public String template() {
    return template;
  }

  public String description() {
    return description;
  }

  /** The session-only route that {@code method} on {@code path} (below {@code /api}) is, if any. */
  public static Optional<SessionOnlyRoute> match(String method, String path) {
    for (SessionOnlyRoute r : values()) {
      if ((r.method.equals("*") || r.method.equalsIgnoreCase(method)) && r.pattern.matcher(path).matches()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
