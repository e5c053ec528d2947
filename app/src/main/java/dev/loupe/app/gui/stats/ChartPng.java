package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a chart as a PNG of its canvas at its size on screen. Call on the FX thread. */
final class ChartPng {
  private ChartPng() {}

  static void write(ChartCanvas chart, Path file) throws IOException {
    if (chart.canvas().getWidth() < 1 || chart.canvas().getHeight() < 1) {
      throw new IOException(Messages.text("stats.png.notShown"));
    }
    WritableImage image = chart.canvas().snapshot(null, null);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
      throw new IOException(Messages.text("stats.png.noWriter"));
    }
  }
}
