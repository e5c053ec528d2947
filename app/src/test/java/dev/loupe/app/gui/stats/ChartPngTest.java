package dev.loupe.app.gui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.app.gui.Fx;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.workspace.HeatmapCell;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Charts saved as PNGs (the file chooser aside): the size on screen and the colours drawn. */
class ChartPngTest {
  @TempDir Path dir;

  private static <T extends ChartCanvas> T laidOut(T chart, double w, double h) {
    new Scene(new Group(chart));
    // fixed sizes: the group's own layout, at the next pulse, gives the chart its preferred size
    chart.setMinSize(w, h);
    chart.setPrefSize(w, h);
    chart.setMaxSize(w, h);
    chart.resize(w, h);
    chart.layout();
    return chart;
  }

  private static int rgb(Color c) {
    return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
  }

  @Test
  void aHeatmapIsWrittenAtItsSizeWithItsCellsInTheirColours() throws IOException {
    Path file = dir.resolve("out/heatmap.png");
    double[] hot = Fx.call(() -> {
      HeatmapChart chart = laidOut(new HeatmapChart(HeatmapCell.Heatmap.LOCATION, "x", "y"), 320, 240);
      long[][] bins = new long[20][20];
      bins[3][4] = 10;
      chart.setBins(bins, 10, false);
      ChartPng.write(chart, file);
      return chart.cellCentre(3, 4);
    });
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(320);
    assertThat(png.getHeight()).isEqualTo(240);
    assertThat(png.getRGB((int) hot[0], (int) hot[1]) & 0xffffff).isEqualTo(rgb(HeatmapChart.ramp(1)));
    assertThat(png.getRGB(2, 2) & 0xffffff).isEqualTo(rgb(ChartCanvas.BACKGROUND));
  }

  @Test
  void aBarChartShowsItsBarsInTheAccentColour() throws IOException {
    Path file = dir.resolve("bars.png");
    double top = Fx.call(() -> {
      GroupedBarChart chart = laidOut(new GroupedBarChart("instances", "images"), 400, 200);
      chart.setRows(List.of(new GroupedBarChart.Row(0, "person", 100, 50)), false);
      ChartPng.write(chart, file);
      return chart.rowTop(0);
    });
    BufferedImage png = ImageIO.read(file.toFile());
    // the first bar starts after the name column and runs most of the width at the maximum
    int y = (int) top + 8;
    long accent = 0;
    for (int x = 0; x < png.getWidth(); x++) {
      if ((png.getRGB(x, y) & 0xffffff) == rgb(ChartCanvas.ACCENT)) {
        accent++;
      }
    }
    assertThat(accent).isGreaterThan(200);
  }

  @Test
  void aHistogramWithEmptyBinsBetweenItsValuesKeepsThemAsBars() {
    HistogramChart chart = Fx.call(() -> laidOut(new HistogramChart(32, "width", "px"), 300, 150));
    Fx.run(() -> chart.setBins(List.of(new ClassStats.Bin(64, 3), new ClassStats.Bin(160, 1)), false));
    // bins 64, 96, 128, 160: four bars of 48 px centred on the 242 px plot from x = 48; the third is empty
    double from = 48 + (242 - 4 * 48) / 2.0;
    assertThat(Fx.call(() -> chart.describe(from + 48 * 2.5, 50))).isEqualTo("128–159 px: 0");
    assertThat(Fx.call(() -> chart.describe(from + 48 * 3.5, 50))).isEqualTo("160–191 px: 1");
    assertThat(Fx.call(() -> chart.describe(from - 5, 50))).isEmpty();
  }

  @Test
  void aChartNotOnScreenIsRefusedWithAReason() {
    GroupedBarChart chart = Fx.call(() -> new GroupedBarChart("a", "b"));
    assertThatThrownBy(() -> Fx.run(() -> {
      try {
        ChartPng.write(chart, dir.resolve("none.png"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    })).hasMessageContaining("not on screen");
  }
}
