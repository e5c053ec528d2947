package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.Workspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small detect datasets for sync tests: distinct JPEGs with one box each. */
final class SyncTestData {
  private SyncTestData() {}

  static byte[] jpeg(long seed) {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(0, 0, 64, 48);
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(random.nextInt(32), random.nextInt(24), 21, 16);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Imports a detect dataset of {@code count} images (every fourth in val, the first unlabeled) with
   * classes cat and dog into {@code workspace}; seeds start at {@code seed}.
   */
  static Dataset dataset(Workspace workspace, Path scratch, String name, int count, long seed) throws IOException {
    Path root = folder(scratch, name, count, seed);
    return workspace.importDataset(root, ImportOptions.defaults().withName(name), TaskMonitor.NONE).dataset();
  }

  /** The YOLO folder {@link #dataset} imports. */
  static Path folder(Path scratch, String name, int count, long seed) throws IOException {
    Path root = Files.createDirectories(scratch.resolve(name));
    Files.writeString(root.resolve("data.yaml"), "path: .\ntrain: images/train\nval: images/val\nnames:\n  0: cat\n  1: dog\n");
    for (int i = 0; i < count; i++) {
      String split = i % 4 == 3 ? "val" : "train";
      Path images = Files.createDirectories(root.resolve("images").resolve(split));
      Path labels = Files.createDirectories(root.resolve("labels").resolve(split));
      Files.write(images.resolve("img" + seed + "_" + i + ".jpg"), jpeg(seed + i));
      String row = i == 0 ? "" : (i % 2) + " 0.5 0.5 0.25 0.375\n";
      Files.writeString(labels.resolve("img" + seed + "_" + i + ".txt"), row);
    }
    return root;
  }
}
