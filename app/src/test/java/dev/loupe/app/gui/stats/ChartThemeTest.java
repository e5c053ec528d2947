package dev.loupe.app.gui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.AppSettings;
import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.MainWindow;
import dev.loupe.core.stats.ClassStats;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The charts take their colours from the theme's style sheets and are drawn again when it changes. */
class ChartThemeTest {
  private HistogramChart chart;
  private Scene scene;

  private void show(AppSettings.Theme theme) {
    chart = new HistogramChart(32, "width", "px");
    scene = new Scene(new Group(chart));
    MainWindow.applyTheme(scene.getStylesheets(), theme);
    chart.setPrefSize(300, 150);
    chart.resize(300, 150);
    chart.applyCss();
    chart.layout();
    chart.setBins(List.of(new ClassStats.Bin(64, 3), new ClassStats.Bin(160, 1)), false);
  }

  private void switchTo(AppSettings.Theme theme) {
    MainWindow.applyTheme(scene.getStylesheets(), theme);
    chart.applyCss();
  }

  /** The colour drawn at (2, 2), a corner with nothing but the background. */
  private Color corner() {
    return chart.canvas().snapshot(null, null).getPixelReader().getColor(2, 2);
  }

  @Test
  void theDarkThemeDrawsTheColoursItAlwaysHad() {
    Color[] seen = Fx.call(() -> {
      show(AppSettings.Theme.DARK);
      return new Color[] {corner(), chart.text(), chart.muted(), chart.gridLine(), chart.accent()};
    });
    assertThat(seen).containsExactly(ChartCanvas.BACKGROUND, ChartCanvas.TEXT, ChartCanvas.MUTED,
        ChartCanvas.GRID_LINE, ChartCanvas.ACCENT);
  }

  @Test
  void switchingToTheLightThemeRedrawsAnOpenChartLightAndBackAgain() {
    Color[][] seen = Fx.call(() -> {
      show(AppSettings.Theme.DARK);
      Color dark = corner();
      switchTo(AppSettings.Theme.LIGHT);
      Color[] light = {corner(), chart.text(), chart.muted(), chart.hoverFill()};
      switchTo(AppSettings.Theme.DARK);
      return new Color[][] {{dark}, light, {corner()}};
    });
    assertThat(seen[0][0]).isEqualTo(ChartCanvas.BACKGROUND);
    assertThat(seen[1][0]).isEqualTo(Color.web("#ffffff"));
    assertThat(seen[1][1]).isEqualTo(Color.web("#1d2126"));
    assertThat(seen[1][2]).isEqualTo(Color.web("#5f6873"));
    assertThat(seen[1][3].getBrightness()).as("the hover darkens on white").isZero();
    assertThat(seen[2][0]).isEqualTo(ChartCanvas.BACKGROUND);
  }
}
