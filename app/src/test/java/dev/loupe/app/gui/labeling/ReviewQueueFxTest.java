package dev.loupe.app.gui.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.app.gui.MainViewModel;
import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.WindowServices;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.labeling.LabelingView;
import dev.loupe.labeling.session.Proposal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What an annotation run wrote opens pending in the labeling area, least confident image first, and
 * what was reviewed is no longer to review after the area closes.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewQueueFxTest {
  @TempDir Path dir;
  private WindowServices services;
  private MainViewModel model;
  private Dataset demo;
  private CanvasLabelingHost host;

  @Start
  void start(Stage stage) throws Exception {
    services = new WindowServices(dir.resolve("ws"));
    demo = TestWorkspaces.demo(services.ws, dir, "demo", 4);
    model = services.mainViewModel();
    host = new CanvasLabelingHost(services.ws, model.colors(), ModelRuntime.engines());
    MainWindow window = new MainWindow(model, services.thumbnails, host);
    stage.setScene(window.scene(1280, 800));
    stage.show();
    model.start();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(host::close).get(10, TimeUnit.SECONDS);
    services.close();
  }

  @Test
  void a_runs_predictions_are_reviewed_least_confident_image_first(FxRobot robot) throws Exception {
    List<ImageRecord> images = services.ws.images().list(demo.id(), ImageQuery.all()).images();
    // as a run would have written them: one added box per image, stored with the image's labels
    Map<String, List<Proposal>> written = new LinkedHashMap<>();
    double[] confidences = {0.9, 0.2, 0.6};
    for (int i = 0; i < 3; i++) {
      String hash = images.get(i).hash();
      BoxLabel added = new BoxLabel(0, 0.5, 0.5, 0.1 + i / 100.0, 0.1);
      List<Label> labels = new ArrayList<>(services.ws.labels().get(demo.id(), hash));
      labels.add(added);
      services.ws.labels().put(demo.id(), hash, labels);
      written.put(hash, List.of(new Proposal(added, confidences[i])));
    }
    List<String> queue = WaitForAsyncUtils.asyncFx(() -> host.addToReview(demo, written)).get(5, TimeUnit.SECONDS);
    assertThat(queue).containsExactly(images.get(1).hash(), images.get(2).hash(), images.get(0).hash());

    robot.interact(() -> model.labelingProperty().set(new LabelingRequest(demo, queue, 0)));
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> robot.lookup(n -> n instanceof LabelingView).tryQuery().isPresent());
    LabelingView view = robot.lookup(n -> n instanceof LabelingView).query();
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.session().current() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.session().current().hash()).isEqualTo(images.get(1).hash());
    assertThat(view.canvas().document().pendingCount()).isEqualTo(1);

    robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT); // accept it
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.canvas().document().pendingCount()).isZero();
    WaitForAsyncUtils.asyncFx(host::close).get(10, TimeUnit.SECONDS);

    Map<String, List<Proposal>> left = new ReviewStore(services.ws.root().resolve("reviews")).pending(demo);
    assertThat(left).containsOnlyKeys(images.get(0).hash(), images.get(2).hash());
    assertThat(services.ws.labels().get(demo.id(), images.get(1).hash()))
        .contains(written.get(images.get(1).hash()).get(0).label());
  }
}
