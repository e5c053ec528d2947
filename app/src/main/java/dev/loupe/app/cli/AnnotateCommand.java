package dev.loupe.app.cli;

import dev.loupe.core.annotate.AnnotateOptions;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.annotate.AutoAnnotator;
import dev.loupe.core.annotate.ImageSelection;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe annotate DATASET --model M [--split S|--unlabeled|--images H,..]}: a model labels a
 * dataset's images; predictions overlapping a label of their class (IoU >= 0.7) are left out. The
 * run is recorded; {@code loupe annotate revert RUN} undoes it. Ctrl+C stops it, keeping (and
 * recording) what it wrote.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "[revert|runs]",
    description = "Label a dataset's images with a model (auto-annotation); 'annotate revert RUN' undoes a run.")
public final class AnnotateCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model slug or id (see 'loupe models list'), or a model file (imported on first use).")
  String model;

  @Option(names = "--split", converter = Converters.SplitConverter.class, description = "Only this split.")
  Split split;

  @Option(names = "--unlabeled", description = "Only images without labels.")
  boolean unlabeled;

  @Option(names = "--images", split = ",", paramLabel = "HASH", description = "Only these images (hashes).")
  List<String> images;

  @Option(names = "--conf", defaultValue = "0.25", description = "Minimum confidence (default 0.25).")
  double conf;

  @Option(names = "--iou", defaultValue = "0.7", description = "IoU threshold of NMS (default 0.7).")
  double iou;

  @Option(names = "--add-classes", description = "Add the model's classes the dataset lacks (else their predictions are dropped).")
  boolean addClasses;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads reading images (default: the cores less the model runs at once, half of them;"
          + " at least 1).")
  int workers;

  @Mixin EngineMixin engine;

  public AnnotateCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    if (dataset == null || model == null) {
      throw new ParameterException(spec.commandLine(), "give a DATASET and --model MODEL");
    }
    if (workers < 0) {
      throw new ParameterException(spec.commandLine(), "--workers must be 0 (the default) or more, got " + workers);
    }
    AnnotateOptions options;
    try {
      ImageSelection selection = new ImageSelection(split, unlabeled, images);
      options = AnnotateOptions.of(selection).withThresholds(conf, iou).withAddClasses(addClasses)
          .withThreads(workers, 0);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ModelRuntime engines = runtime.with(engine.options(spec));
    AnnotateResult result;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      ws.datasets().require(dataset); // a wrong dataset fails before a model file is imported
      result = new AutoAnnotator(ws, engines)
          .run(dataset, ModelArgument.resolve(context, ws, runtime, model), options, progress);
      progress.endLine();
    }
    if (context.json()) {
      context.printJson(ModelJson.annotateResult(result));
    } else {
      print(context.out(), result);
    }
    if (result.cancelled()) {
      return ErrorReporter.CANCELLED;
    }
    AnnotationRun run = result.run();
    if (run.imagesFailed() > 0) {
      // as predict does: the labels of the others are kept, but the run did not do all it was asked
      context.err().println("loupe: " + run.imagesFailed() + " of " + run.imagesDone() + " images failed"
          + (run.message() == null ? "" : "; first problem: " + run.message()));
      context.err().flush();
      return ErrorReporter.FAILURE;
    }
    return 0;
  }

  private static void print(PrintWriter out, AnnotateResult result) {
    AnnotationRun run = result.run();
    String head = result.cancelled() ? "cancelled after " + run.imagesDone() + " of " + run.imagesTotal() + " images: "
        : "annotated " + run.imagesDone() + " images: ";
    out.println(head + run.labelsAdded() + " labels added to " + run.imagesLabeled() + " images, "
        + run.labelsSkipped() + " skipped (overlapping a label of their class)"
        + (run.imagesFailed() > 0 ? ", " + run.imagesFailed() + " images failed" : ""));
    if (run.message() != null) {
      out.println("first problem: " + run.message());
    }
    if (result.unmappedPredictions() > 0) {
      out.println(result.unmappedPredictions() + " predictions of classes the dataset lacks were dropped"
          + " (--add-classes adds them)");
    }
    if (result.classDifferences() != null) {
      out.println("classes: " + result.classDifferences());
    }
    out.println("run " + run.id() + " (undo with 'loupe annotate revert " + run.id() + "')");
    out.flush();
  }
}
