package dev.loupe.app.gui.explorer;

import dev.loupe.app.gui.Messages;

/** What the colour of a point on the map says about its image. */
public enum ColorMode {
  /** The image's rarest class (the class with the fewest images in the dataset among its labels). */
  CLASS("explorer.color.class"),
  SPLIT("explorer.color.split"),
  CLUSTER("explorer.color.cluster"),
  LABEL_COUNT("explorer.color.labelCount");

  private final String key;

  ColorMode(String key) {
    this.key = key;
  }

  /** The key of {@link #text()} in the messages. */
  public String key() {
    return key;
  }

  /** The name the mode chooser shows. */
  public String text() {
    return Messages.text(key);
  }
}
