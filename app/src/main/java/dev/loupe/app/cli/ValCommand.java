package dev.loupe.app.cli;

import dev.loupe.core.annotate.ValidateOptions;
import dev.loupe.core.annotate.ValidationReport;
import dev.loupe.core.annotate.Validator;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.metrics.ClassMetrics;
import dev.loupe.core.metrics.ValidationMetrics;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.YoloCli;
import dev.loupe.training.YoloValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code loupe val --model M --dataset D [--split val]}: validates a model on a dataset's labels and
 * prints the table {@code yolo val} prints (or, with --json, the figures overall and per class).
 */
@Command(name = "val", mixinStandardHelpOptions = true,
    description = "Validate a model on a dataset split: precision, recall, mAP50, mAP50-95.")
public final class ValCommand implements Callable<Integer> {
  private static final Map<String, String> HEADS = Map.of("box", "Box", "mask", "Mask", "pose", "Pose", "obb", "Box");

  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "Model slug or id, or a model file (imported on first use).")
  String model;

  @Option(names = "--dataset", required = true, paramLabel = "DATASET", description = "Dataset slug or id.")
  String dataset;

  @Option(names = "--split", converter = Converters.SplitConverter.class, description = "Split to validate on (default val).")
  Split split = Split.VAL;

  @Option(names = "--conf", defaultValue = "0.001", description = "Minimum confidence (default 0.001).")
  double conf;

  @Option(names = "--iou", defaultValue = "0.7", description = "IoU threshold of NMS (default 0.7).")
  double iou;

  @Option(names = "--yolo", paramLabel = "PATH",
      description = "For a .pt model: the ultralytics CLI that validates it (default: $LOUPE_YOLO, else 'yolo' on PATH).")
  Path yolo;

  @Mixin EngineMixin engine;

  public ValCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    ValidateOptions options;
    try {
      options = ValidateOptions.DEFAULTS.withSplit(split).withThresholds(conf, iou);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ModelRuntime engines = runtime.with(engine.options(spec));
    ValidationReport report;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      ws.datasets().require(dataset); // a wrong dataset fails before a model file is imported
      ModelRecord checkpoint = ws.models().find(model).filter(m -> !m.runnable()).orElse(null);
      if (checkpoint != null) {
        return withYolo(ws, checkpoint, progress);
      }
      report = new Validator(ws, engines)
          .validate(dataset, ModelArgument.resolve(context, ws, runtime, model), options, progress);
      progress.endLine();
    }
    if (context.json()) {
      context.printJson(ModelJson.validation(report));
    } else {
      print(context.out(), report);
    }
    return 0;
  }

  /** A .pt checkpoint: {@code yolo val} validates it; its table is printed as yolo printed it. */
  private int withYolo(Workspace ws, ModelRecord checkpoint, ConsoleProgress progress) throws IOException {
    YoloCli cli = TrainOutput.yolo(context, yolo);
    YoloValidation.Result result = new YoloValidation(ws, cli, runtime::inspect).validate(checkpoint, dataset, split,
        line -> { }, progress);
    progress.endLine();
    if (result.exitCode() != 0) {
      throw new IllegalStateException("yolo val exited with code " + result.exitCode() + ": "
          + String.join(" | ", result.console().subList(Math.max(0, result.console().size() - 3),
              result.console().size())));
    }
    if (context.json()) {
      context.printJson(result.json());
    } else {
      result.console().forEach(context.out()::println);
      context.out().flush();
    }
    return 0;
  }

  static void print(PrintWriter out, ValidationReport r) {
    if (r.classDifferences() != null) {
      out.println("note: model and dataset classes differ: " + r.classDifferences());
    }
    if (r.failedImages() > 0) {
      out.println("note: " + r.failedImages() + " images left out (" + r.firstProblem() + ")");
    }
    if (r.metrics().isEmpty()) {
      out.printf("%22s%11s%11s%n", "classes", "top1_acc", "top5_acc");
      out.printf("%22s%11s%11s%n", "all", g(r.top1()), g(r.top5()));
    } else {
      List<String> kinds = List.copyOf(r.metrics().keySet());
      StringBuilder head = new StringBuilder(String.format("%22s%11s%11s", "Class", "Images", "Instances"));
      for (String kind : kinds) {
        head.append(String.format("%11s%11s%11s%11s", HEADS.get(kind) + "(P", "R", "mAP50", "mAP50-95)"));
      }
      out.println(head);
      ValidationMetrics first = r.metrics().get(kinds.get(0));
      out.println(row(first.all(), r, kinds));
      for (ClassMetrics c : first.classes()) {
        out.println(row(c, r, kinds));
      }
    }
    out.printf("%d images of %s in %.1f s (%s on %s %s)%n", r.images(), r.split().apiName(), r.seconds(),
        r.model(), r.dataset(), r.split().apiName());
    out.flush();
  }

  private static String row(ClassMetrics c, ValidationReport r, List<String> kinds) {
    StringBuilder line = new StringBuilder(String.format("%22s%11d%11d", c.name(), c.images(), c.instances()));
    for (String kind : kinds) {
      ValidationMetrics m = r.metrics().get(kind);
      ClassMetrics same = c.classId() < 0 ? m.all()
          : m.classes().stream().filter(x -> x.classId() == c.classId()).findFirst().orElse(c);
      line.append(String.format("%11s%11s%11s%11s", g(same.precision()), g(same.recall()), g(same.map50()),
          g(same.map50to95())));
    }
    return line.toString();
  }

  /** Python's {@code %.3g}: three significant digits, no trailing zeros. */
  static String g(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
