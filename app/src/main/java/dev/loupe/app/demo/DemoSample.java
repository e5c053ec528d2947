package dev.loupe.app.demo;

import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One generated image with the exact labels of what was drawn on it.
 *
 * @param name the file name ({@code demo_000042.jpg})
 */
public record DemoSample(int index, String name, Split split, BufferedImage image, List<Label> labels) {
  public DemoSample {
    labels = List.copyOf(labels);
  }

  /** The file name without its extension, as the label file is named. */
  public String stem() {
    return name.substring(0, name.lastIndexOf('.'));
  }
}
