package dev.loupe.app.cli;

import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.CloudTrainingBackend;
import dev.loupe.training.HeadlineMetrics;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a line on stderr when a training starts, after each epoch and (cloud runs) when the
 * platform's job changes state, between progress redraws.
 */
final class TrainProgress implements dev.loupe.training.TrainingListener {
  private final ConsoleProgress progress;
  private final PrintWriter err;

  TrainProgress(ConsoleProgress progress, PrintWriter err) {
    this.progress = progress;
    this.err = err;
  }

  @Override
  public void started(TrainingRun run) {
    if ("cloud".equals(run.backend())) {
      line("training run " + run.id() + " (" + run.name() + ") on the platform: model "
          + run.args().get(CloudTrainingBackend.PLATFORM_MODEL) + ", " + run.args().get("gpuType") + ", data "
          + run.args().get("data"));
    } else {
      line("training run " + run.id() + " (" + run.name() + ") started: pid " + run.pid() + ", folder " + run.runDir());
    }
  }

  /** The cloud backend's lines say how the platform's job stands; yolo's own output stays in the run's console. */
  @Override
  public void consoleLine(String text) {
    if (text.startsWith(CloudTrainingBackend.STATUS_LINE)) {
      line(text);
    }
  }

  @Override
  public void epoch(TrainingRun run, TrainingEpoch epoch) {
    HeadlineMetrics m = HeadlineMetrics.of(run.task(), epoch.values());
    StringBuilder sb = new StringBuilder("epoch ").append(epoch.epoch()).append('/').append(run.epochs());
    if (m.map50() != null) {
      sb.append(String.format(Locale.ROOT, "  mAP50 %.4f", m.map50()));
    }
    if (m.map5095() != null) {
      sb.append(String.format(Locale.ROOT, "  mAP50-95 %.4f", m.map5095()));
    }
    if (m.precision() != null && m.recall() != null) {
      sb.append(String.format(Locale.ROOT, "  P %.4f  R %.4f", m.precision(), m.recall()));
    }
    if (m.top1() != null) {
      sb.append(String.format(Locale.ROOT, "  top1 %.4f", m.top1()));
    }
    line(sb.toString());
  }

  private void line(String text) {
    synchronized (progress) {
      progress.endLine();
      err.println(text);
      err.flush();
    }
  }
}
