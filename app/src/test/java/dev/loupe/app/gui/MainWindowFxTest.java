package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
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

/** The real window on a demo workspace, driven with the mouse and the keyboard (headless Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
  private static final int IMAGES = 24;

  @TempDir Path dir;
  private WindowServices services;
  private Workspace ws;
  private Dataset demo;
  private MainViewModel model;

  @Start
  void start(Stage stage) throws Exception {
    services = new WindowServices(dir.resolve("ws"));
    ws = services.ws;
    demo = TestWorkspaces.demo(ws, dir, "demo", IMAGES);
    model = services.mainViewModel();
    services.show(stage, model);
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private String summary(FxRobot robot) {
    return robot.lookup("#summary").queryAs(Label.class).getText();
  }

  private List<ImageRecord> newestFirst() {
    return ws.images().list(demo.id(), ImageQuery.all().withPage(0, IMAGES)).images();
  }

  @Test
  void clickAndCtrlClickSelectImagesThatMoveToASplit(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-2").tryQuery().isPresent());
    robot.clickOn("#tile-0");
    robot.press(KeyCode.CONTROL).clickOn("#tile-2").release(KeyCode.CONTROL);
    assertThat(summary(robot)).isEqualTo(IMAGES + " images · 2 selected");

    robot.clickOn("#move-to").clickOn("Test");
    List<ImageRecord> order = newestFirst();
    waitFor(() -> ws.images().require(demo.id(), order.get(2).hash()).split() == Split.TEST);
    assertThat(ws.images().require(demo.id(), order.get(0).hash()).split()).isEqualTo(Split.TEST);
    assertThat(ws.images().require(demo.id(), order.get(1).hash()).split()).isNotEqualTo(Split.TEST);
    waitFor(() -> summary(robot).equals(IMAGES + " images"));
  }

  @Test
  void shiftClickSelectsARangeAndCtrlASelectsAll(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-4").tryQuery().isPresent());
    robot.clickOn("#tile-1");
    robot.press(KeyCode.SHIFT).clickOn("#tile-4").release(KeyCode.SHIFT);
    assertThat(summary(robot)).isEqualTo(IMAGES + " images · 4 selected");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    assertThat(summary(robot)).isEqualTo(IMAGES + " images · " + IMAGES + " selected");
    robot.type(KeyCode.ESCAPE);
    assertThat(summary(robot)).isEqualTo(IMAGES + " images");
  }

  @Test
  void aSplitFilterNarrowsTheGrid(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-0").tryQuery().isPresent());
    long val = ws.images().counts(demo.id()).val();
    robot.clickOn("#split-filter");
    java.util.function.Predicate<Node> valCell = n -> n instanceof ListCell<?> c && "val".equals(c.getText());
    waitFor(() -> robot.lookup(valCell).tryQuery().isPresent());
    robot.clickOn(robot.lookup(valCell).queryAs(Node.class));
    waitFor(() -> summary(robot).equals(val + (val == 1 ? " image" : " images")));
    assertThat(model.datasetView().record(0).split()).isEqualTo(Split.VAL);
  }

  @Test
  void theViewsNotShownAtTheStartAreBuiltWhenFirstShown(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-0").tryQuery().isPresent());
    assertThat(robot.lookup("#statistics-view").tryQuery()).isEmpty();
    assertThat(robot.lookup("#training-view").tryQuery()).isEmpty();

    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    waitFor(() -> robot.lookup("#statistics-view").tryQuery().map(Node::isVisible).orElse(false));
    assertThat(robot.lookup("#training-view").tryQuery()).isEmpty();

    robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
    waitFor(() -> robot.lookup("#tile-0").query().isVisible());
    assertThat(robot.lookup("#statistics-view").query().isVisible()).isFalse();
  }

  @Test
  void doubleClickOpensTheLabelingAreaAndEscapeGoesBack(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-3").tryQuery().isPresent());
    robot.doubleClickOn("#tile-3");
    String name = newestFirst().get(3).filename();
    waitFor(() -> name.equals(robot.lookup("#labeling-title").queryAs(Label.class).getText()));
    assertThat(robot.lookup("#labeling-area").query().isVisible()).isTrue();

    robot.type(KeyCode.RIGHT);
    String next = newestFirst().get(4).filename();
    waitFor(() -> next.equals(robot.lookup("#labeling-title").queryAs(Label.class).getText()));

    robot.type(KeyCode.ESCAPE);
    waitFor(() -> !robot.lookup("#labeling-area").query().isVisible());
    assertThat(robot.lookup("#tile-0").query().isVisible()).isTrue();
    // the double-click selected the image to open it; back in the grid no "1 selected" bar is left
    assertThat(summary(robot)).isEqualTo(IMAGES + " images");
    assertThat(robot.lookup(".selection-bar").query().isVisible()).isFalse();
  }

  @Test
  void theImportDialogRefusesAMissingPathThenImportsAFolder(FxRobot robot) throws Exception {
    Path folder = TestWorkspaces.demoFolder(dir.resolve("more"), 6);
    robot.clickOn("#import");
    waitFor(() -> robot.lookup("#import-source").tryQuery().isPresent());
    Node ok = robot.lookup("#dialog-ok").query();
    assertThat(ok.isDisabled()).isTrue();

    robot.clickOn("#import-source").write(dir.resolve("nothing-here").toString());
    assertThat(robot.lookup("#dialog-problem").queryAs(Label.class).getText()).startsWith("No such file or folder");
    assertThat(ok.isDisabled()).isTrue();

    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(folder.toString());
    robot.clickOn("#import-name").write("more");
    assertThat(ok.isDisabled()).isFalse();
    robot.clickOn("#dialog-ok");

    waitFor(() -> robot.lookup("#import-summary").tryQuery().isPresent());
    assertThat(robot.lookup("#import-summary").queryAs(TextArea.class).getText())
        .startsWith("Imported 6 images and ").contains("into 'more'");
    assertThat(robot.lookup("#datasets").queryListView().getItems()).hasSize(2);
    assertThat(((Dataset) ((ListView<?>) robot.lookup("#datasets").query()).getSelectionModel().getSelectedItem())
        .name()).isEqualTo("more");
    robot.clickOn(robot.lookup(".dialog-pane .button").queryAs(Button.class));
  }

  @Test
  void deletingTheSelectionAsksFirstAndThenDeletes(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-1").tryQuery().isPresent());
    String first = newestFirst().get(0).hash();
    robot.clickOn("#tile-0");
    robot.clickOn("#delete-images");
    waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("Cancel");
    assertThat(ws.images().find(demo.id(), first)).isPresent();

    robot.clickOn("#delete-images");
    waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("OK");
    waitFor(() -> ws.images().find(demo.id(), first).isEmpty());
    waitFor(() -> summary(robot).equals((IMAGES - 1) + " images"));
  }
}
