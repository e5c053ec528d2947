package dev.loupe.app.gui.training;

/** The charts of the training view, one per kind of curve, in the order they are laid out. */
public enum EpochChart {
  LOSSES("Losses"),
  MAP50("mAP50"),
  MAP50_95("mAP50-95"),
  PRECISION("Precision"),
  RECALL("Recall"),
  LEARNING_RATE("Learning rate");

  private final String title;

  EpochChart(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The chart's node id ("chart-map50-95"). */
  public String nodeId() {
    return "chart-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
