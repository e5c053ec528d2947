package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.canvas.LabelCanvas;
import dev.loupe.labeling.session.LabelingSession;
import dev.loupe.labeling.session.Proposal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The labeling view driven by a real mouse and keyboard (TestFX on headless Monocle) over a real workspace. */
@ExtendWith(ApplicationExtension.class)
class LabelingViewTest {
  private static final BoxLabel EXISTING = new BoxLabel(0, 0.25, 0.25, 0.2, 0.2);
  /** Half a view pixel or so at the fitted zoom, normalized: what a robot's click can hit. */
  private static final double PIXEL = 0.01;

  @TempDir Path tmp;
  private ViewHarness h;
  private LabelingSession session;
  private LabelingView view;
  private Workspace ws;
  private List<String> hashes;

  @Start
  void start(Stage stage) {
    h = new ViewHarness(tmp, NewDataset.of("parts", Task.DETECT, List.of("cat", "dog", "bird")),
        List.of(List.of(EXISTING), List.of(), List.of()), stage);
    session = h.session;
    view = h.view;
    ws = h.ws;
    hashes = h.hashes;
  }

  @BeforeEach
  void imageShown() throws Exception {
    h.awaitImage();
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  private LabelCanvas canvas() {
    return view.canvas();
  }

  private Point2D at(double nx, double ny) {
    return h.at(nx, ny);
  }

  private void drag(FxRobot robot, double x0, double y0, double x1, double y1) {
    h.drag(robot, x0, y0, x1, y1);
  }

  private List<Label> shown() {
    return h.shown();
  }

  private List<Label> stored(int image) {
    return h.stored(image);
  }

  private static void assertBox(Label label, int classId, double cx, double cy, double w, double h) {
    assertThat(label).isInstanceOf(BoxLabel.class);
    BoxLabel box = (BoxLabel) label;
    assertThat(box.classId()).isEqualTo(classId);
    assertThat(new double[] {box.cx(), box.cy(), box.w(), box.h()})
        .containsExactly(new double[] {cx, cy, w, h}, within(PIXEL));
  }

  @Test
  void a_drawn_box_and_polygon_are_saved_to_the_workspace(FxRobot robot) {
    robot.type(KeyCode.R);
    drag(robot, 0.5, 0.5, 0.7, 0.8);
    assertThat(shown()).hasSize(2);
    assertBox(shown().get(1), 0, 0.6, 0.65, 0.2, 0.3);

    robot.type(KeyCode.P);
    robot.clickOn(at(0.1, 0.6)).clickOn(at(0.3, 0.6)).clickOn(at(0.2, 0.9));
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).hasSize(3);
    PolygonLabel polygon = (PolygonLabel) shown().get(2);
    assertThat(polygon.vertexCount()).isEqualTo(3);
    assertThat(polygon.points().toArray()).containsExactly(new double[] {0.1, 0.6, 0.3, 0.6, 0.2, 0.9}, within(PIXEL));

    List<Label> saved = stored(0);
    assertThat(saved).hasSize(3);
    assertThat(saved.get(0)).isEqualTo(EXISTING);
    assertBox(saved.get(1), 0, 0.6, 0.65, 0.2, 0.3);
    assertThat(saved.get(2)).isEqualTo(polygon);
  }

  @Test
  void move_and_resize_are_one_edit_each_and_undo_and_redo_walk_them(FxRobot robot) {
    robot.type(KeyCode.S); // select tool
    drag(robot, 0.25, 0.25, 0.35, 0.30);
    assertBox(shown().get(0), 0, 0.35, 0.30, 0.2, 0.2);
    // the box is selected: pull its bottom-right handle from (0.45, 0.40) to (0.55, 0.50)
    drag(robot, 0.45, 0.40, 0.55, 0.50);
    assertBox(shown().get(0), 0, 0.40, 0.35, 0.3, 0.3);
    assertThat(session.current().history().undoCount()).isEqualTo(2);

    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertBox(shown().get(0), 0, 0.35, 0.30, 0.2, 0.2);
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).containsExactly(EXISTING);
    assertThat(stored(0)).containsExactly(EXISTING);

    robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertBox(shown().get(0), 0, 0.40, 0.35, 0.3, 0.3);
    assertBox(stored(0).get(0), 0, 0.40, 0.35, 0.3, 0.3);
  }

  @Test
  void a_number_key_changes_the_class_of_the_selected_box_to_the_class_id_on_the_key(FxRobot robot) {
    robot.type(KeyCode.S);
    robot.clickOn(at(0.25, 0.25));
    assertThat(canvas().selection()).hasSize(1);
    robot.type(KeyCode.DIGIT2);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).containsExactly(EXISTING.withClassId(2));
    assertThat(canvas().currentClassProperty().get()).isEqualTo(2);
    assertThat(stored(0)).containsExactly(EXISTING.withClassId(2));
    assertThat(session.current().history().undoName()).isEqualTo("change class");
  }

  @Test
  void each_image_keeps_its_history_and_labels_paste_onto_the_next_image(FxRobot robot) throws Exception {
    robot.type(KeyCode.S);
    robot.clickOn(at(0.25, 0.25));
    robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
    robot.type(KeyCode.R);
    drag(robot, 0.6, 0.6, 0.8, 0.8);
    assertThat(shown()).hasSize(2);

    robot.type(KeyCode.D);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.current().index() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#image-position").queryLabeled().getText()).startsWith("2 / 3");
    assertThat(shown()).isEmpty();
    robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).containsExactly(EXISTING);

    robot.type(KeyCode.A);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.current().index() == 0);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).hasSize(2);
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL); // the box drawn before leaving
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shown()).containsExactly(EXISTING);

    assertThat(stored(0)).containsExactly(EXISTING);
    assertThat(stored(1)).containsExactly(EXISTING);
    assertThat(stored(2)).isEmpty();
  }

  @Test
  void pre_labelling_all_unlabeled_images_adds_undoable_labels(FxRobot robot) throws Exception {
    BoxLabel predicted = new BoxLabel(1, 0.5, 0.5, 0.3, 0.3);
    assertThat(robot.lookup("#prelabel-all").queryButton().isVisible()).isFalse();
    WaitForAsyncUtils.asyncFx(() -> session.preLabelerProperty().set(hash -> List.of(new Proposal(predicted, 0.9), new Proposal(new BoxLabel(7, 0.5, 0.5, 0.1, 0.1), 0.9))))
        .get(5, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#prelabel-all");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        () -> robot.lookup("#message").queryLabeled().getText().startsWith("Pre-labelled"));
    assertThat(robot.lookup("#message").queryLabeled().getText()).isEqualTo("Pre-labelled 2 images");
    assertThat(stored(0)).containsExactly(EXISTING);
    assertThat(stored(1)).containsExactly(predicted); // class 7 is not in the dataset: dropped
    assertThat(stored(2)).containsExactly(predicted);

    robot.type(KeyCode.D);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.current().index() == 1);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.current().history().undoName()).isEqualTo("pre-label 1 labels");
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stored(1)).isEmpty();
  }

  @Test
  void keys_come_from_the_keymap_file_the_app_gives(FxRobot robot) throws Exception {
    Path file = tmp.resolve("keymap.json");
    java.nio.file.Files.writeString(file, "{\"preset\": \"cvat\", \"bindings\": {\"NEXT_IMAGE\": [\"N\"]}}");
    robot.interact(() -> view.useKeymapFile(file));
    robot.type(KeyCode.D); // previous image in the CVAT preset: stays on the first
    robot.type(KeyCode.N);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.current().index() == 1);
    assertThat(view.keymap().preset()).isEqualTo(dev.loupe.labeling.keys.Keymap.Preset.CVAT);
  }
}
