package dev.loupe.app.gui.explorer;

/** What the colour of a point on the map says about its image. */
public enum ColorMode {
  /** The image's rarest class (the class with the fewest images in the dataset among its labels). */
  CLASS("Class"),
  SPLIT("Split"),
  CLUSTER("Cluster"),
  LABEL_COUNT("Label count");

  private final String text;

  ColorMode(String text) {
    this.text = text;
  }

  /** The name the mode chooser shows. */
  public String text() {
    return text;
  }
}
