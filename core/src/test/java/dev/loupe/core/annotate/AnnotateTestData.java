package dev.loupe.core.annotate;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
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

/** Datasets for annotation tests: image i is {@link #width(int)} pixels wide, so fakes can tell them apart. */
final class AnnotateTestData {
  private AnnotateTestData() {}

  static int width(int i) {
    return 100 + 10 * i;
  }

  static final int HEIGHT = 80;

  static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(width * 997 % 0xFFFFFF));
    g.fillRect(0, 0, width, height);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A dataset of {@code labels.size()} images; image i gets {@code labels.get(i)} and the split
   * {@code splits[i % splits.length]}.
   *
   * @return the image hashes, in order
   */
  static List<String> fill(Workspace ws, Dataset dataset, List<List<Label>> labels, Split... splits) throws IOException {
    List<NewImage> images = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      byte[] bytes = png(width(i), HEIGHT);
      String hash = ws.content().put(bytes);
      hashes.add(hash);
      images.add(new NewImage(hash, "img" + i + ".png", width(i), HEIGHT, bytes.length, splits[i % splits.length],
          labels.get(i), null, null, null));
    }
    ws.images().add(dataset.id(), images);
    return hashes;
  }

  static Dataset dataset(Workspace ws, Task task, List<String> classes) {
    return ws.datasets().create(NewDataset.of("Cats " + task.apiName(), task, classes));
  }
}
