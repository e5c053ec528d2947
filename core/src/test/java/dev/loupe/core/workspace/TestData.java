package dev.loupe.core.workspace;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small datasets written to disk for workspace tests. */
final class TestData {
  private TestData() {}

  /** A JPEG of the given size whose pixels depend on {@code seed} (so each seed gives other bytes). */
  static byte[] jpeg(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(random.nextInt(width / 2), random.nextInt(height / 2), width / 3, height / 3);
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
   * Writes a YOLO detect dataset: {@code images/<split>/img<i>.jpg} and label files with the given
   * rows, plus a data.yaml with {@code names}.
   */
  static Path yolo(Path root, List<String> names, String[][] rowsPerImage, String[] splits) throws IOException {
    StringBuilder yaml = new StringBuilder("train: images/train\nval: images/val\nnames:\n");
    for (int i = 0; i < names.size(); i++) {
      yaml.append("  ").append(i).append(": ").append(names.get(i)).append('\n');
    }
    Files.createDirectories(root);
    Files.writeString(root.resolve("data.yaml"), yaml.toString());
    for (int i = 0; i < rowsPerImage.length; i++) {
      String split = splits[i % splits.length];
      Path images = Files.createDirectories(root.resolve("images").resolve(split));
      Path labels = Files.createDirectories(root.resolve("labels").resolve(split));
      Files.write(images.resolve("img" + i + ".jpg"), jpeg(64 + i % 7, 48 + i % 5, i));
      Files.writeString(
          labels.resolve("img" + i + ".txt"), String.join("\n", rowsPerImage[i]) + "\n", StandardCharsets.UTF_8);
    }
    return root;
  }
}
