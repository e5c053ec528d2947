package dev.loupe.labeling.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.labeling.ClassPalette;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.css.CssMetaData;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The colours around the image come from the scene's style sheets (the application's theme sets them): a
 * sheet added while the canvas is shown repaints it, one removed brings the defaults back.
 */
class LabelCanvasColoursTest {
  @TempDir Path dir;
  private LabelCanvas canvas;
  private Pane root;
  private Scene scene;

  @BeforeEach
  void show() throws Exception {
    FxToolkit.registerPrimaryStage();
    WaitForAsyncUtils.asyncFx(() -> {
      canvas = new LabelCanvas(new ClassPalette());
      canvas.setPrefSize(500, 300);
      root = new Pane(canvas);
      scene = new Scene(root, 500, 300);
      // a 400 x 300 image in a 500 x 300 view: 50 px of background either side
      canvas.setImage(new WritableImage(400, 300), 400, 300, false);
      root.applyCss();
      root.layout();
      canvas.fit();
      canvas.renderNow();
    }).get(10, TimeUnit.SECONDS);
  }

  /** The colour at view pixel (x, y) after the canvas has taken the scene's styles. */
  private Color at(int x, int y) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> {
      root.applyCss();
      root.layout();
      canvas.renderNow();
      return root.snapshot(null, null).getPixelReader().getColor(x, y);
    }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void theCanvasDeclaresItsColoursToCss() {
    assertThat(canvas.getStyleClass()).contains("label-canvas");
    assertThat(canvas.getCssMetaData()).extracting(CssMetaData::getProperty)
        .contains("-loupe-canvas-background", "-loupe-canvas-placeholder", "-loupe-tag-background");
  }

  @Test
  void aStyleSheetAddedWhileShownRepaintsTheBackgroundAndRemovingItRestoresIt() throws Exception {
    assertThat(at(10, 150)).isEqualTo(LabelCanvas.BACKGROUND);
    Path css = dir.resolve("light.css");
    Files.writeString(css, ".label-canvas { -loupe-canvas-background: #e7e9ed; }");
    String sheet = css.toUri().toString();
    WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().add(sheet)).get(10, TimeUnit.SECONDS);
    assertThat(at(10, 150)).isEqualTo(Color.web("#e7e9ed"));
    assertThat(at(490, 150)).isEqualTo(Color.web("#e7e9ed"));
    WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().remove(sheet)).get(10, TimeUnit.SECONDS);
    assertThat(at(10, 150)).isEqualTo(LabelCanvas.BACKGROUND);
  }
}
