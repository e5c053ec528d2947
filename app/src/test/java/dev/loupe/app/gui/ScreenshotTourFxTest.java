package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.labeling.PreviewLabelingHost;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.workspace.NewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code loupe gui --screenshot}: every promised picture is written, or the report says why not. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourFxTest {
  @TempDir Path dir;
  private WindowServices services;
  private MainViewModel model;
  private MainWindow window;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    services = new WindowServices(dir.resolve("ws"));
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private ScreenshotTour.Report tour(Path out) throws Exception {
    CompletableFuture<ScreenshotTour.Report> report = new CompletableFuture<>();
    Fx.run(() -> {
      model = services.mainViewModel();
      window = new MainWindow(model, services.thumbnails,
          new PreviewLabelingHost(services.ws, model.colors(), services.fetcher, Platform::runLater));
      stage.setScene(window.scene(1180, 760));
      stage.show();
      model.start();
      new ScreenshotTour(stage, window, model, out, report::complete).start();
    });
    return report.get(150, TimeUnit.SECONDS);
  }

  private static Set<String> names(List<Path> files) {
    Set<String> names = new HashSet<>();
    files.forEach(f -> names.add(f.getFileName().toString().replace(".png", "")));
    return names;
  }

  private static byte[] pixels(Path png) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as(png + " is a PNG").isNotNull();
    int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    byte[] bytes = new byte[rgb.length * 4];
    for (int i = 0; i < rgb.length; i++) {
      bytes[4 * i] = (byte) (rgb[i] >> 24);
      bytes[4 * i + 1] = (byte) (rgb[i] >> 16);
      bytes[4 * i + 2] = (byte) (rgb[i] >> 8);
      bytes[4 * i + 3] = (byte) rgb[i];
    }
    return bytes;
  }

  @Test
  void onAnEmptyWorkspaceItWritesWhatItCanAndSaysWhyForTheRest(FxRobot robot) throws Exception {
    Path out = dir.resolve("shots");
    ScreenshotTour.Report report = tour(out);

    assertThat(names(report.written())).containsExactlyInAnyOrder("02-import-dialog", "start-page", "settings");
    assertThat(report.skipped().keySet()).containsExactlyInAnyOrder("01-dataset-grid", "03-class-manager",
        "05-auto-annotate", "statistics", "04-labeling-area", "explorer", "training", "sync", "model-window");
    assertThat(report.skipped()).allSatisfy((name, why) ->
        assertThat(why).contains(name.equals("model-window") ? "no models" : "no datasets"));
    try (var files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("02-import-dialog.png", "start-page.png", "settings.png");
    }
    // three different pictures, none a copy of another
    byte[] start = pixels(out.resolve("start-page.png"));
    assertThat(Arrays.equals(start, pixels(out.resolve("settings.png")))).isFalse();
    assertThat(Arrays.equals(start, pixels(out.resolve("02-import-dialog.png")))).isFalse();
  }

  @Test
  void onAWorkspaceWithADatasetItWritesEveryPicture(FxRobot robot) throws Exception {
    TestWorkspaces.demo(services.ws, dir, "demo", 24);
    ModelInfo info = new ModelInfo("onnx", Task.DETECT, List.of("cat", "dog"), 64, 64, 32, false, null, 3, Map.of());
    services.ws.models().importFile(Files.write(dir.resolve("pets.onnx"), new byte[] {1, 2}), NewModel.defaults(),
        f -> info);
    Path out = dir.resolve("shots");
    ScreenshotTour.Report report = tour(out);

    assertThat(report.skipped()).isEmpty();
    assertThat(names(report.written())).containsExactlyInAnyOrderElementsOf(ScreenshotTour.PICTURES);
    for (String name : ScreenshotTour.PICTURES) {
      assertThat(out.resolve(name + ".png")).isNotEmptyFile();
    }
    assertThat(Arrays.equals(pixels(out.resolve("01-dataset-grid.png")), pixels(out.resolve("statistics.png"))))
        .isFalse();
  }
}
