package dev.loupe.training;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Exports a registered .pt checkpoint with {@code yolo export}: the checkpoint is copied to the
 * workspace's {@code yolo-export/ID/} (yolo writes beside it, never into the model store). An ONNX
 * or TorchScript result is registered as a model named {@code SLUG-FORMAT} whose metadata names its
 * source ({@code loupe_exported_from}); any other format is moved to the workspace's
 * {@code exports/SLUG-FORMAT} and only its path reported.
 */
public final class YoloModelExport {
  /** Formats the result of which is registered as a model. */
  public static final List<String> REGISTERED = List.of("onnx", "torchscript");

  /**
   * What came of it: {@code model} for a registered format, else {@code path}; {@code exitCode}
   * nonzero (and both null) when yolo failed, {@code console} holding what it printed.
   */
  public record Result(int exitCode, ModelRecord model, Path path, List<String> console) {}

  private final Workspace workspace;
  private final LocalTrainingBackend backend;
  private final Function<Path, ModelInfo> inspector;

  public YoloModelExport(Workspace workspace, YoloCli yolo, Function<Path, ModelInfo> inspector) {
    this.workspace = workspace;
    this.backend = new LocalTrainingBackend(workspace, yolo, inspector);
    this.inspector = inspector;
  }

  /**
   * Runs {@code yolo export model=... format=... imgsz=...}; each printed line also goes to {@code onLine}.
   *
   * @param imgsz the image size, or null for the model's own (640 where it has none)
   */
  public Result export(ModelRecord source, String format, Integer imgsz, Consumer<String> onLine,
      TaskMonitor monitor) throws IOException {
    if (source.runnable()) {
      throw new IllegalArgumentException("model '" + source.slug() + "' is already " + source.format()
          + "; 'yolo export' takes a .pt checkpoint");
    }
    String fmt = format.toLowerCase(Locale.ROOT);
    int size = imgsz != null ? imgsz : source.imgszH() > 0 ? source.imgszH() : TrainArgs.DEFAULT_IMGSZ;
    Path folder = workspace.root().resolve("yolo-export").resolve(source.id());
    TrainingFolders.deleteTree(folder);
    Files.createDirectories(folder);
    Path weights = folder.resolve(source.slug() + ".pt");
    Files.copy(workspace.models().file(source), weights, StandardCopyOption.REPLACE_EXISTING);
    ConsoleTail console = new ConsoleTail(400, onLine);
    monitor.progress(0, -1, "yolo export " + source.slug() + " format=" + fmt + " imgsz=" + size);
    int code = backend.exportModel(weights, fmt, size, console, monitor);
    List<String> lines = console.last(400);
    Path made = code == 0 ? made(folder, weights) : null;
    if (made == null) {
      return new Result(code == 0 ? 1 : code, null, null, lines);
    }
    String name = source.slug() + "-" + fmt;
    if (REGISTERED.contains(fmt)) {
      ModelRecord model = workspace.models().importFile(made,
          new NewModel(name, null, "Exported from " + source.slug() + " (" + source.id() + ") by yolo export format="
              + fmt + " imgsz=" + size, source.projectId()),
          file -> from(inspector.apply(file), source));
      TrainingFolders.deleteTree(folder);
      return new Result(0, model, null, lines);
    }
    Path target = workspace.root().resolve("exports").resolve(name);
    TrainingFolders.deleteTree(target);
    Files.createDirectories(target);
    Path moved = target.resolve(made.getFileName());
    Files.move(made, moved);
    TrainingFolders.deleteTree(folder);
    return new Result(0, null, moved, lines);
  }

  /** What yolo wrote beside the checkpoint: a file or folder named after it (best.onnx, best_openvino_model/). */
  private static Path made(Path folder, Path weights) throws IOException {
    String stem = weights.getFileName().toString().replaceFirst("\\.pt$", "");
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> !p.equals(weights) && p.getFileName().toString().startsWith(stem))
          .findFirst().orElse(null);
    }
  }

  private static ModelInfo from(ModelInfo info, ModelRecord source) {
    Map<String, String> metadata = new LinkedHashMap<>(source.metadata());
    metadata.putAll(info.metadata());
    metadata.put("loupe_exported_from", source.id());
    return new ModelInfo(info.format(), info.task(), info.names(), info.imgszH(), info.imgszW(), info.stride(),
        info.endToEnd(), info.kptShape(), info.channels(), metadata);
  }
}
