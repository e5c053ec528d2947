package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.HeadlineMetrics;
import java.time.Instant;
import java.util.List;

/**
 * Training runs in the shapes of {@code loupe train --json}: {@code {"run": {...}}} with the id,
 * status, epochs done, the headline metrics of the epoch best.pt holds ({@code mAP50},
 * {@code mAP50-95}, {@code precision}, {@code recall}; null where the task has none) and the model
 * made (its id, or null).
 */
final class TrainJson {
  private TrainJson() {}

  static ObjectNode run(TrainingRun run) {
    ObjectNode node = ApiJson.MAPPER.createObjectNode();
    node.put("id", run.id());
    node.put("name", run.name());
    node.put("status", run.status());
    node.put("backend", run.backend());
    node.put("task", run.task().apiName());
    node.put("datasetId", run.datasetId());
    if (run.datasetVersion() == null) {
      node.putNull("datasetVersion");
    } else {
      node.put("datasetVersion", run.datasetVersion());
    }
    node.put("epochs", run.epochsDone());
    node.put("epochsTotal", run.epochs());
    HeadlineMetrics m = HeadlineMetrics.of(run.task(), run.metrics());
    ObjectNode metrics = node.putObject("metrics");
    put(metrics, "mAP50", m.map50());
    put(metrics, "mAP50-95", m.map5095());
    put(metrics, "precision", m.precision());
    put(metrics, "recall", m.recall());
    if (m.top1() != null) {
      put(metrics, "accuracy_top1", m.top1());
      put(metrics, "accuracy_top5", m.top5());
    }
    node.put("model", run.modelId());
    node.put("onnxModel", run.onnxModelId());
    ObjectNode args = node.putObject("args");
    run.args().forEach(args::put);
    node.put("runDir", run.runDir());
    node.put("message", run.message());
    time(node, "createdAt", run.createdAt());
    time(node, "startedAt", run.startedAt());
    time(node, "finishedAt", run.finishedAt());
    return node;
  }

  /** A run with every epoch's results.csv row and its console tail ({@code loupe train status}). */
  static ObjectNode detailed(TrainingRun run, List<TrainingEpoch> epochs) {
    ObjectNode node = run(run);
    var rows = node.putArray("epochHistory");
    for (TrainingEpoch e : epochs) {
      ObjectNode row = rows.addObject();
      row.put("epoch", e.epoch());
      e.values().forEach(row::put);
    }
    node.put("console", run.consoleTail());
    return node;
  }

  static ObjectNode wrapped(ObjectNode run) {
    ObjectNode node = ApiJson.MAPPER.createObjectNode();
    node.set("run", run);
    return node;
  }

  private static void put(ObjectNode node, String key, Double value) {
    if (value == null) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }

  private static void time(ObjectNode node, String key, Instant instant) {
    node.put(key, instant == null ? null : instant.toString());
  }
}
