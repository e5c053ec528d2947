package dev.loupe.app.cli;

import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.HeadlineMetrics;
import dev.loupe.training.YoloCli;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What the train commands share: finding yolo, and a run's result as text, JSON and exit code. */
final class TrainOutput {
  private TrainOutput() {}

  /** {@code --yolo}, else {@code $LOUPE_YOLO}, else {@code yolo} on {@code $PATH}. */
  static YoloCli yolo(CliContext context, Path configured) {
    if (configured == null) {
      String fromEnv = context.env("LOUPE_YOLO");
      configured = fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
    return YoloCli.locate(configured, context.env("PATH"));
  }

  /** Prints the run's end; 0 when it completed, 130 cancelled, 1 otherwise. */
  static int finished(CliContext context, TrainingRun run) {
    if (context.json()) {
      context.printJson(TrainJson.wrapped(TrainJson.run(run)));
    } else {
      print(context.out(), run);
      context.out().flush();
    }
    return switch (run.status()) {
      case TrainingRun.COMPLETED -> 0;
      case TrainingRun.CANCELLED -> ErrorReporter.CANCELLED;
      default -> {
        context.err().println("loupe: training run " + run.id() + " " + run.status()
            + (run.message() == null ? "" : ": " + run.message()));
        context.err().flush();
        yield ErrorReporter.FAILURE;
      }
    };
  }

  static void print(PrintWriter out, TrainingRun run) {
    out.println("run " + run.id() + " (" + run.name() + "): " + run.status() + ", " + run.epochsDone() + "/"
        + run.epochs() + " epochs");
    String metrics = metrics(run);
    if (!metrics.isEmpty()) {
      out.println("metrics (best epoch): " + metrics);
    }
    if (run.modelId() != null) {
      out.println("model " + run.modelId() + " (best.pt)"
          + (run.onnxModelId() == null ? "" : ", model " + run.onnxModelId() + " (ONNX)"));
    }
    if (run.message() != null) {
      out.println(run.message());
    }
    if (run.runDir() != null) {
      out.println("run folder " + run.runDir());
    }
  }

  static String metrics(TrainingRun run) {
    return metrics(run.task(), run.metrics());
  }

  /** The headline metrics of results.csv columns as one line ({@code mAP50 0.4120, ...}). */
  static String metrics(dev.loupe.core.domain.Task task, java.util.Map<String, Double> values) {
    HeadlineMetrics m = HeadlineMetrics.of(task, values);
    StringBuilder sb = new StringBuilder();
    append(sb, "mAP50", m.map50());
    append(sb, "mAP50-95", m.map5095());
    append(sb, "precision", m.precision());
    append(sb, "recall", m.recall());
    append(sb, "top1", m.top1());
    append(sb, "top5", m.top5());
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, Double value) {
    if (value != null) {
      sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ')
          .append(String.format(Locale.ROOT, "%.4f", value));
    }
  }
}
