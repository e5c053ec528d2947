package dev.loupe.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Validates a .pt checkpoint, which Loupe's engines cannot run, with {@code yolo val}: the dataset is
 * exported to a YOLO folder under the workspace's {@code yolo-val/} (as for training), the checkpoint
 * copied beside it (yolo writes its runs/ there, not in the model store; all of it is deleted after),
 * and the metrics table yolo prints read back into the JSON shape of {@code loupe val --json} as far
 * as the table goes.
 */
public final class YoloValidation {
  /** What yolo printed and the figures read from it. */
  public record Result(int exitCode, List<String> console, ObjectNode json) {}

  private final Workspace workspace;
  private final YoloCli yolo;
  private final Function<Path, ModelInfo> inspector;

  public YoloValidation(Workspace workspace, YoloCli yolo, Function<Path, ModelInfo> inspector) {
    this.workspace = workspace;
    this.yolo = yolo;
    this.inspector = inspector;
  }

  /** Runs {@code yolo val}; each printed line also goes to {@code onLine}. */
  public Result validate(ModelRecord model, String datasetId, Split split, Consumer<String> onLine,
      TaskMonitor monitor) throws IOException {
    Dataset dataset = workspace.datasets().require(datasetId);
    long started = System.nanoTime();
    LocalTrainingBackend backend = new LocalTrainingBackend(workspace, yolo, inspector);
    Path folder = workspace.root().resolve("yolo-val").resolve(model.id());
    ConsoleTail console = new ConsoleTail(400, onLine);
    int code;
    try {
      Path data = backend.exportData(dataset, folder.resolve("data"), monitor);
      Path weights = folder.resolve(model.slug() + ".pt");
      Files.copy(workspace.models().file(model), weights, StandardCopyOption.REPLACE_EXISTING);
      monitor.progress(0, -1, "yolo val " + model.slug() + " on " + dataset.slug() + " " + split.apiName());
      code = backend.validate(dataset.task(), weights, data, split.apiName(), null, console, monitor);
    } finally {
      TrainingFolders.deleteTree(folder); // the exported copy and yolo's runs/ are not kept
    }
    List<String> lines = console.last(400);
    ObjectNode json = json(model.slug(), dataset.slug(), dataset.task(), dataset.classNames(), split, lines,
        (System.nanoTime() - started) / 1e9);
    return new Result(code, lines, json);
  }

  /**
   * The table's figures in {@code loupe val --json}'s shape: {@code metrics.box.all/classes} (and
   * mask, pose) with precision, recall, mAP50, mAP50-95, or top1/top5 for classification.
   */
  static ObjectNode json(String model, String dataset, Task task, List<String> classNames, Split split,
      List<String> lines, double seconds) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("model", model);
    n.put("dataset", dataset);
    n.put("task", task.apiName());
    n.put("split", split.apiName());
    n.put("engine", "yolo");
    ObjectNode metrics = n.putObject("metrics");
    List<String> kinds = null;
    int images = 0;
    for (String line : lines) {
      String[] w = line.strip().split("\\s+");
      if (w.length >= 3 && w[0].equals("Class") && w[1].equals("Images")) {
        kinds = new ArrayList<>();
        for (String word : w) {
          int paren = word.indexOf("(P");
          if (paren > 0) {
            kinds.add(word.substring(0, paren).toLowerCase(Locale.ROOT));
          }
        }
        kinds.forEach(k -> metrics.putObject(k).putArray("classes"));
      } else if (w.length >= 3 && w[0].equals("classes") && w[1].equals("top1_acc")) {
        kinds = List.of();
      } else if (kinds != null && kinds.isEmpty() && w.length == 3 && w[0].equals("all")) {
        n.put("top1", number(w[1]));
        n.put("top5", number(w[2]));
      } else if (kinds != null && !kinds.isEmpty() && w.length == 3 + 4 * kinds.size() && isInt(w[1])) {
        for (int k = 0; k < kinds.size(); k++) {
          ObjectNode row = ApiJson.MAPPER.createObjectNode();
          row.put("name", w[0]);
          row.put("images", Integer.parseInt(w[1]));
          row.put("instances", Integer.parseInt(w[2]));
          row.put("precision", number(w[3 + 4 * k]));
          row.put("recall", number(w[4 + 4 * k]));
          row.put("mAP50", number(w[5 + 4 * k]));
          row.put("mAP50-95", number(w[6 + 4 * k]));
          ObjectNode kind = (ObjectNode) metrics.get(kinds.get(k));
          if (w[0].equals("all")) {
            kind.set("all", row);
          } else {
            int id = classNames.indexOf(w[0]);
            if (id >= 0) {
              row.put("classId", id);
            }
            ((ArrayNode) kind.get("classes")).add(row);
          }
        }
        if (w[0].equals("all")) {
          images = Integer.parseInt(w[1]);
        }
      }
    }
    n.put("images", images);
    n.put("seconds", seconds);
    return n;
  }

  private static boolean isInt(String s) {
    return s.chars().allMatch(Character::isDigit) && !s.isEmpty();
  }

  private static double number(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
