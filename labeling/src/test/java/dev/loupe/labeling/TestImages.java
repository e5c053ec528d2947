package dev.loupe.labeling;

import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Real images in a real workspace, made for the labeling tests. */
public final class TestImages {
  private TestImages() {}

  /** Encodes a picture of the given size with a few shapes on it (distinct per seed). */
  public static byte[] picture(int width, int height, int seed, String format) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40 + seed * 30 % 200, 90, 140));
    g.fillRect(0, 0, width, height);
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < 30; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
      g.fillOval(random.nextInt(width), random.nextInt(height), width / 8, height / 8);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Adds images (PNG, width x height) with the given labels to a dataset; returns their hashes in order. */
  public static List<String> add(Workspace ws, String dataset, int width, int height, List<List<Label>> labels) {
    List<String> hashes = new ArrayList<>();
    List<NewImage> images = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      byte[] bytes = picture(width, height, i + 1, "png");
      try {
        String hash = ws.content().put(bytes);
        hashes.add(hash);
        images.add(new NewImage(hash, "image" + i + ".png", width, height, bytes.length, Split.TRAIN, labels.get(i), null, null, null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ws.images().add(dataset, images);
    return hashes;
  }
}
