package dev.loupe.app.gui.training;

import dev.loupe.app.gui.Messages;

/** The charts of the training view, one per kind of curve, in the order they are laid out. */
public enum EpochChart {
  LOSSES("Losses"),
  MAP50("mAP50"),
  MAP50_95("mAP50-95"),
  PRECISION("Precision"),
  RECALL("Recall"),
  LEARNING_RATE("Learning rate");

  private final String metric;

  EpochChart(String metric) {
    this.metric = metric;
  }

  /**
   * The chart's stable, untranslated name: its column in the {@link EpochTable} and the root of its
   * node id.
   */
  public String metric() {
    return metric;
  }

  /** The chart's title as the window shows it. */
  public String title() {
    return switch (this) {
      case LOSSES -> Messages.text("training.chart.losses");
      case MAP50 -> Messages.text("training.chart.map50");
      case MAP50_95 -> Messages.text("training.chart.map50_95");
      case PRECISION -> Messages.text("training.chart.precision");
      case RECALL -> Messages.text("training.chart.recall");
      case LEARNING_RATE -> Messages.text("training.chart.learningRate");
    };
  }

  /** The chart's node id ("chart-map50-95"), made from {@link #metric()}. */
  public String nodeId() {
    return "chart-" + metric.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
