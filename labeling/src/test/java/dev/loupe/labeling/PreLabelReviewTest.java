package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.labeling.session.Proposal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/** Pre-labels arrive pending, with their confidence, and are accepted or rejected with keys and buttons. */
@ExtendWith(ApplicationExtension.class)
class PreLabelReviewTest {
  private static final BoxLabel HUMAN = new BoxLabel(0, 0.2, 0.2, 0.1, 0.1);
  private static final BoxLabel SURE = new BoxLabel(1, 0.5, 0.5, 0.2, 0.2);
  private static final BoxLabel DOUBTFUL = new BoxLabel(2, 0.75, 0.75, 0.1, 0.1);
  private static final BoxLabel MIDDLING = new BoxLabel(1, 0.3, 0.7, 0.1, 0.1);

  @TempDir Path tmp;
  private ViewHarness h;

  @Start
  void start(Stage stage) {
    h = new ViewHarness(tmp, NewDataset.of("parts", Task.DETECT, List.of("cat", "dog", "bird")),
        List.of(List.of(HUMAN), List.of()), stage);
  }

  @BeforeEach
  void preLabel() throws Exception {
    h.awaitImage();
    WaitForAsyncUtils.asyncFx(() -> h.session.preLabelerProperty().set(hash -> List.of(
        new Proposal(SURE, 0.92), new Proposal(DOUBTFUL, 0.31), new Proposal(MIDDLING, 0.55))))
        .get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  private void preLabelWithKey(FxRobot robot) throws Exception {
    h.ctrl(robot, KeyCode.L);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> h.view.canvas().document().pendingCount() == 3);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String reviewCount(FxRobot robot) {
    return robot.lookup("#review-count").queryLabeled().getText();
  }

  @Test
  void predictions_wait_for_review_and_keys_walk_them_least_confident_first(FxRobot robot) throws Exception {
    assertThat(robot.lookup("#review-bar").query().isVisible()).isFalse();
    preLabelWithKey(robot);
    assertThat(robot.lookup("#review-bar").query().isVisible()).isTrue();
    assertThat(reviewCount(robot)).isEqualTo("3 predictions to review");
    var doc = h.view.canvas().document();

    robot.type(KeyCode.N); // the least confident first
    assertThat(h.view.canvas().selection()).hasSize(1);
    long selected = h.view.canvas().selection().iterator().next();
    assertThat(doc.find(selected).label()).isEqualTo(DOUBTFUL);
    assertThat(doc.confidence(selected)).isEqualTo(0.31);

    robot.type(KeyCode.BACK_SPACE); // reject it; the next one (0.55) is selected
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(h.shown()).containsExactly(HUMAN, SURE, MIDDLING);
    assertThat(h.stored(0)).containsExactly(HUMAN, SURE, MIDDLING);
    assertThat(doc.find(h.view.canvas().selection().iterator().next()).label()).isEqualTo(MIDDLING);

    robot.type(KeyCode.ENTER); // accept it
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(doc.pendingCount()).isEqualTo(1);
    assertThat(reviewCount(robot)).isEqualTo("1 prediction to review");

    robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT); // accept all
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(doc.pendingCount()).isZero();
    assertThat(robot.lookup("#review-bar").query().isVisible()).isFalse();
    assertThat(h.stored(0)).containsExactly(HUMAN, SURE, MIDDLING);

    h.ctrl(robot, KeyCode.Z); // accepting is undone: pending again
    assertThat(doc.pendingCount()).isEqualTo(1);
    h.ctrl(robot, KeyCode.Z);
    h.ctrl(robot, KeyCode.Z); // and the rejection too
    assertThat(h.shown()).containsExactly(HUMAN, SURE, DOUBTFUL, MIDDLING);
    assertThat(doc.pendingCount()).isEqualTo(3);
  }

  @Test
  void reject_below_the_threshold_drops_the_less_confident_ones(FxRobot robot) throws Exception {
    preLabelWithKey(robot);
    robot.interact(() -> h.view.reviewThresholdProperty().set(0.6));
    robot.clickOn("#reject-below");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(h.shown()).containsExactly(HUMAN, SURE);
    assertThat(h.view.canvas().document().pendingCount()).isEqualTo(1);
    assertThat(h.stored(0)).containsExactly(HUMAN, SURE);

    robot.press(KeyCode.SHIFT).type(KeyCode.BACK_SPACE).release(KeyCode.SHIFT); // nothing left below 0.6
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(h.shown()).containsExactly(HUMAN, SURE);
    robot.clickOn("#accept-all");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(h.view.canvas().document().pendingCount()).isZero();
    assertThat(h.stored(0)).containsExactly(HUMAN, SURE);
  }

  @Test
  void ctrl_k_searches_the_classes_and_enter_picks_one_back_on_the_canvas(FxRobot robot) throws Exception {
    h.ctrl(robot, KeyCode.K);
    robot.write("bir").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(h.view.canvas().currentClassProperty().get()).isEqualTo(2);
    assertThat(h.view.canvas().isFocused()).isTrue();
    robot.type(KeyCode.DIGIT1); // the number keys work again at once
    assertThat(h.view.canvas().currentClassProperty().get()).isEqualTo(1);
  }

  @Test
  void f1_lists_every_key_within_the_view_even_a_small_one(FxRobot robot) throws Exception {
    robot.interact(() -> h.view.getScene().getWindow().setHeight(420));
    robot.type(KeyCode.F1);
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.Node overlay = robot.lookup("#help-overlay").query();
    javafx.scene.Node scroll = robot.lookup("#help-scroll").query();
    assertThat(overlay.isVisible()).isTrue();
    var outer = overlay.localToScreen(overlay.getLayoutBounds());
    var inner = scroll.localToScreen(scroll.getLayoutBounds());
    assertThat(outer.contains(inner)).isTrue();
    assertThat(robot.lookup("Grid: go to the last image").tryQuery()).isPresent();
    robot.type(KeyCode.ESCAPE);
    assertThat(overlay.isVisible()).isFalse();
  }

  @Test
  void number_key_zero_picks_class_zero(FxRobot robot) throws Exception {
    robot.type(KeyCode.DIGIT2);
    assertThat(h.view.canvas().currentClassProperty().get()).isEqualTo(2);
    robot.type(KeyCode.DIGIT0);
    assertThat(h.view.canvas().currentClassProperty().get()).isZero();
  }
}
