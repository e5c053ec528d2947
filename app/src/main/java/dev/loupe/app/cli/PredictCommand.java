package dev.loupe.app.cli;

import dev.loupe.core.api.PredictJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.PredictRun;
import dev.loupe.core.inference.YoloPredictor;
import dev.loupe.core.io.ImageInfo;
import dev.loupe.core.io.ImageProbe;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.workspace.WorkspaceLockedException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe predict --model M IMAGE|DIR...}: runs an exported Ultralytics model (ONNX or
 * TorchScript) on images and prints what it finds, as a table or (with {@code --json}) in the
 * platform's predict response. A folder means its images (not its sub-folders), as Ultralytics
 * reads a folder source. Images that cannot be read are reported and the rest go on.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Run a model (.onnx or .torchscript export) on images or folders of images.")
public final class PredictCommand implements Callable<Integer> {
  /** Ultralytics' IMG_FORMATS that Loupe decodes. */
  static final Set<String> IMAGE_SUFFIXES = Set.of("bmp", "jpeg", "jpg", "png", "tif", "tiff", "webp", "mpo");

  private final CliContext context;
  private final ImageProbe probe = new ImageProbe();

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "An .onnx or .torchscript file, or a model of the workspace (slug or id).")
  Path model;

  @Parameters(arity = "1..*", paramLabel = "IMAGE|DIR", description = "Image files or folders of images.")
  List<Path> sources;

  @Option(names = "--conf", defaultValue = "0.25", description = "Minimum confidence (default ${DEFAULT-VALUE}).")
  double conf;

  @Option(names = "--iou", defaultValue = "0.7", description = "NMS IoU threshold (default ${DEFAULT-VALUE}).")
  double iou;

  @Option(names = "--imgsz", defaultValue = "0", description = "Input size for a dynamic model (default: as exported).")
  int imgsz;

  @Option(names = "--max-det", defaultValue = "300", description = "Most objects per image (default ${DEFAULT-VALUE}).")
  int maxDet;

  @Option(names = "--classes", split = ",", paramLabel = "ID", description = "Keep only these class ids (e.g. 0,2).")
  List<Integer> classes;

  @Option(names = "--agnostic-nms", description = "Suppress overlapping boxes across classes.")
  boolean agnostic;

  @Mixin EngineMixin engine;

  @Option(names = "--workers", defaultValue = "0", description = "Threads decoding images ahead (default: cores - 1, at least 1).")
  int workers;

  public PredictCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    PredictOptions options = options();
    EngineOptions engineOptions = engine.options(spec);
    if (workers < 0) {
      throw new ParameterException(spec.commandLine(), "--workers must be 0 (the default) or more, got " + workers);
    }
    Path modelFile = modelFile();
    if (ModelLoader.format(modelFile) == ModelLoader.Format.CHECKPOINT) {
      ModelLoader.load(modelFile, engineOptions); // refuses it with the export command
    }
    List<Path> images = new ArrayList<>();
    boolean folder = collect(images);
    if (images.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no images found in " + sources);
    }
    int decoders = workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    List<PredictJson.Item> items = new ArrayList<>();
    int[] failed = {0};
    try (YoloPredictor predictor = ModelLoader.load(modelFile, engineOptions);
        ConsoleProgress progress = context.progress()) {
      int[] input = predictor.inputSize(options);
      if (imgsz > 0 && (input[0] != imgsz || input[1] != imgsz)) {
        context.err().println("loupe: note: the model takes " + input[1] + "x" + input[0] + " inputs (--imgsz "
            + imgsz + (predictor.hasFixedInput() ? " does not apply to its fixed input)" : " rounded up to its stride)"));
        context.err().flush();
      }
      int classCount = predictor.info().names().size();
      List<Integer> unknown = options.classes().stream().filter(c -> c < 0 || c >= classCount).sorted().toList();
      if (!unknown.isEmpty() && classCount > 0) {
        context.err().println("loupe: note: --classes " + unknown + (unknown.size() == 1 ? " is" : " are")
            + " not among the model's " + classCount + " classes (0-" + (classCount - 1) + "): nothing of "
            + (unknown.size() == 1 ? "it" : "them") + " can be found");
        context.err().flush();
      }
      TaskMonitor monitor = folder || images.size() > 1 ? progress : TaskMonitor.NONE;
      new PredictRun(predictor, decoders)
          .run(images, options, monitor, outcome -> {
            String file = outcome.image().toString();
            if (!outcome.ok()) {
              failed[0]++;
              progress.endLine();
              context.err().println("loupe: " + file + ": " + outcome.error());
              context.err().flush();
              return;
            }
            ImageInfo header = probe.probe(outcome.image());
            if (!header.isValid()) {
              // decoded all the same, as cv2.imread decodes it: say what was predicted on
              progress.endLine();
              context.err().println("loupe: note: " + file + ": " + header.error() + "; predicted on what decodes");
              context.err().flush();
            }
            PredictJson.Item item = new PredictJson.Item(file, outcome.prediction());
            if (context.json()) {
              items.add(item);
            } else {
              progress.endLine();
              print(item);
            }
          });
      progress.endLine();
      if (context.json()) {
        context.printJson(PredictJson.response(predictor.info(), items));
      }
    }
    if (failed[0] > 0) {
      context.err().println("loupe: " + failed[0] + " of " + images.size() + " images could not be read");
      context.err().flush();
      return ErrorReporter.FAILURE;
    }
    return 0;
  }

  /**
   * The model's file: {@code --model} itself, or where the workspace keeps the model of that slug or
   * id when no such file exists (the workspace is only opened then, and only if it exists).
   */
  private Path modelFile() {
    if (Files.exists(model) || !Files.isDirectory(context.workspaceDir())) {
      return model;
    }
    try (Workspace ws = context.openWorkspace()) {
      Optional<ModelRecord> registered = ws.models().find(model.toString());
      return registered.isPresent() ? ws.models().runnableFile(registered.get()) : model;
    } catch (WorkspaceLockedException e) {
      return model; // the workbench holds it: a mistyped path is then reported as the missing file it is
    }
  }

  private PredictOptions options() {
    try {
      Set<Integer> keep = classes == null ? Set.of() : new LinkedHashSet<>(classes);
      return new PredictOptions(conf, iou, imgsz, maxDet, keep, agnostic);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Adds the images of each source (folders: their image files, sorted); true if any is a folder. */
  private boolean collect(List<Path> images) throws IOException {
    boolean folder = false;
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        folder = true;
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(source)) {
          for (Path p : dir) {
            if (Files.isRegularFile(p) && IMAGE_SUFFIXES.contains(suffix(p))) {
              found.add(p);
            }
          }
        }
        found.sort(null);
        images.addAll(found);
      } else {
        images.add(source); // a missing or bad file is reported by the run, the rest go on
      }
    }
    return folder;
  }

  private static String suffix(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private void print(PredictJson.Item item) {
    var p = item.prediction();
    var out = context.out();
    if (!p.top5().isEmpty()) {
      out.println(item.file() + " (" + p.width() + "x" + p.height() + ")");
      TextTable table = new TextTable("CLASS", "NAME", "CONF").alignRight(0, 2);
      for (ClassScore s : p.top5()) {
        table.row(s.classId(), s.name(), String.format(Locale.ROOT, "%.3f", s.confidence()));
      }
      table.print(out);
    } else {
      int n = p.results().size();
      out.println(item.file() + " (" + p.width() + "x" + p.height() + "): " + n + (n == 1 ? " object" : " objects"));
      if (n > 0) {
        TextTable table = new TextTable("CLASS", "NAME", "CONF", "X1", "Y1", "X2", "Y2").alignRight(0, 2, 3, 4, 5, 6);
        for (Detection d : p.results()) {
          table.row(d.classId(), d.name(), fmt(d.confidence(), 3), fmt(d.x1(), 1), fmt(d.y1(), 1), fmt(d.x2(), 1),
              fmt(d.y2(), 1));
        }
        table.print(out);
      }
    }
    out.println();
    out.flush();
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
