package dev.loupe.app.cli;

import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.HeadlineMetrics;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a line on stderr when a training starts and after each epoch, between progress redraws. */
final class TrainProgress implements dev.loupe.training.TrainingListener {
  private final ConsoleProgress progress;
  private final PrintWriter err;

  TrainProgress(ConsoleProgress progress, PrintWriter err) {
    this.progress = progress;
    this.err = err;
  }

  @Override
  public void started(TrainingRun run) {
    line("training run " + run.id() + " (" + run.name() + ") started: pid " + run.pid() + ", folder " + run.runDir());
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
