package dev.loupe.core.formats.ndjson;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes tiny real images for format tests. */
public final class TinyImages {
  private TinyImages() {}

  public static Path png(Path dir, String name, int width, int height) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff0000);
    ImageIO.write(image, name.endsWith(".png") ? "png" : "jpg", file.toFile());
    return file;
  }
}
