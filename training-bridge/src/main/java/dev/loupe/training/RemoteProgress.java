package dev.loupe.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.TrainingRun;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a cloud training stands, read from its model ({@code GET /api/models/{id}}). The reference
 * gives no example of that answer; what is read when present: {@code status}, {@code metrics} (the
 * platform's names: {@code mAP50}, {@code mAP50-95}, {@code precision}, {@code recall}, ...), the
 * epoch reached ({@code currentEpoch}, else {@code epoch}), {@code epochs}, {@code bestEpoch} and an error message
 * ({@code error}, else {@code message}). The object may come wrapped as {@code {"model": {...}}}.
 *
 * @param status the platform's status as sent (lower case), or null
 * @param epoch the epoch reached, or null when the answer does not say
 * @param metrics the metrics by the platform's names
 */
public record RemoteProgress(
    String status, Integer epoch, Integer epochs, Integer bestEpoch, Map<String, Double> metrics, String error) {
  private static final Set<String> COMPLETED = Set.of("completed", "complete", "trained", "succeeded", "success",
      "done", "ready", "finished");
  private static final Set<String> FAILED = Set.of("failed", "error", "errored", "crashed");
  private static final Set<String> CANCELLED = Set.of("cancelled", "canceled", "stopped", "terminated");

  public RemoteProgress {
    metrics = Map.copyOf(metrics);
  }

  /** The progress in a model answer. */
  public static RemoteProgress of(JsonNode answer) {
    JsonNode model = answer.path("model").isObject() ? answer.get("model") : answer;
    Map<String, Double> metrics = new LinkedHashMap<>();
    model.path("metrics").fields().forEachRemaining(e -> {
      if (e.getValue().isNumber()) {
        metrics.put(e.getKey(), e.getValue().asDouble());
      }
    });
    String status = text(model, "status");
    return new RemoteProgress(status == null ? null : status.toLowerCase(Locale.ROOT),
        number(model, "currentEpoch", "epoch"), number(model, "epochs"), number(model, "bestEpoch"), metrics,
        text(model, "error") != null ? text(model, "error") : text(model, "message"));
  }

  /**
   * The Loupe run status the platform's status comes to: completed, failed or cancelled when the
   * job has ended, else running (queued, starting, training, or a status Loupe does not know).
   */
  public String runStatus() {
    if (status == null) {
      return TrainingRun.RUNNING;
    }
    if (COMPLETED.contains(status)) {
      return TrainingRun.COMPLETED;
    }
    if (FAILED.contains(status)) {
      return TrainingRun.FAILED;
    }
    return CANCELLED.contains(status) ? TrainingRun.CANCELLED : TrainingRun.RUNNING;
  }

  public boolean ended() {
    return !TrainingRun.RUNNING.equals(runStatus());
  }

  /**
   * The metrics under the results.csv column names a local run records ({@code metrics/mAP50(B)},
   * ...; masks {@code (M)} for segment, keypoints {@code (P)} for pose), so runs of both backends
   * chart and compare alike; other names are kept as sent.
   */
  public Map<String, Double> columns(Task task) {
    String kind = switch (task) {
      case SEGMENT -> "M";
      case POSE -> "P";
      default -> "B";
    };
    Map<String, Double> columns = new LinkedHashMap<>();
    metrics.forEach((name, value) -> columns.put(switch (name) {
      case "mAP50", "mAP50-95", "precision", "recall" -> "metrics/" + name + "(" + kind + ")";
      case "accuracy_top1", "top1" -> "metrics/accuracy_top1";
      case "accuracy_top5", "top5" -> "metrics/accuracy_top5";
      default -> name;
    }, value));
    return columns;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }

  private static Integer number(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode v = node.path(field);
      if (v.isIntegralNumber()) {
        return v.asInt();
      }
    }
    return null;
  }
}
