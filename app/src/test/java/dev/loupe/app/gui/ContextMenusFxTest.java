package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The context menus of grid tiles and of the sidebar's datasets and projects, in the real window. */
@ExtendWith(ApplicationExtension.class)
class ContextMenusFxTest {
  private static final int IMAGES = 12;

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

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private List<ImageRecord> newestFirst() {
    return ws.images().list(demo.id(), ImageQuery.all().withPage(0, IMAGES)).images();
  }

  private void typeName(FxRobot robot, String name) throws Exception {
    waitFor(() -> robot.lookup("#name-field").tryQuery().isPresent());
    robot.clickOn("#name-field").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(name);
    robot.clickOn("#dialog-ok");
    WaitForAsyncUtils.waitForFxEvents();
  }

  /**
   * Chooses the item {@code id} of the context menu the right-click opened (in a submenu too), as a
   * click on it does; Monocle's robot cannot point into a submenu's popup.
   */
  private static void choose(FxRobot robot, String id) throws Exception {
    waitFor(() -> Fx.call(ContextMenusFxTest::showingMenu) != null);
    MenuItem item = Fx.call(() -> find(showingMenu().getItems(), id));
    assertThat(item).as("menu item " + id).isNotNull();
    assertThat(item.isDisable()).as(id + " enabled").isFalse();
    // not robot.interact: it waits for the action, and an item that opens a dialog (showAndWait)
    // returns only when the dialog is closed, which the test does next
    Platform.runLater(() -> {
      showingMenu().hide();
      item.fire();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The context menu on screen, or null; read on the FX thread. */
  private static ContextMenu showingMenu() {
    return Window.getWindows().stream()
        .filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w).findFirst().orElse(null);
  }

  private static MenuItem find(List<MenuItem> items, String id) {
    for (MenuItem i : items) {
      if (id.equals(i.getId())) {
        return i;
      }
      if (i instanceof Menu m) {
        MenuItem inside = find(m.getItems(), id);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  @Test
  void aTilesMenuMovesItToASplitCopiesItsHashAndDeletesIt(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-1").tryQuery().isPresent());
    ImageRecord second = newestFirst().get(1);
    Split target = second.split() == Split.TEST ? Split.VAL : Split.TEST;

    robot.rightClickOn("#tile-1");
    assertThat(model.datasetView().selection().isSelected(1)).isTrue();
    choose(robot, "tile-move-" + target.apiName());
    waitFor(() -> ws.images().require(demo.id(), second.hash()).split() == target);

    robot.rightClickOn("#tile-1");
    choose(robot, "tile-copy-hash");
    assertThat(Fx.call(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(second.hash());

    robot.rightClickOn("#tile-1");
    choose(robot, "tile-delete");
    waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn("OK");
    waitFor(() -> ws.images().find(demo.id(), second.hash()).isEmpty());
    assertThat(ws.images().counts(demo.id()).images()).isEqualTo(IMAGES - 1);
  }

  @Test
  void aDatasetIsRenamedExportedAndMovedToTheTrashFromItsMenu(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#dataset-demo").tryQuery().isPresent());
    robot.rightClickOn("#dataset-demo");
    choose(robot, "dataset-rename");
    typeName(robot, "street scenes");
    assertThat(ws.datasets().require(demo.id()).name()).isEqualTo("street scenes");
    assertThat(robot.lookup("#dataset-title").queryAs(Label.class).getText()).isEqualTo("street scenes");

    Path out = dir.resolve("exported");
    robot.rightClickOn("#dataset-demo");
    choose(robot, "dataset-export");
    waitFor(() -> robot.lookup("#export-target").tryQuery().isPresent());
    robot.clickOn("#export-target").write(out.toString());
    robot.clickOn("#dialog-ok");
    waitFor(() -> robot.lookup("#export-done").tryQuery().isPresent());
    assertThat(robot.lookup("#export-done .content").queryAs(Label.class).getText())
        .contains(IMAGES + " images of 'street scenes' written to").contains(out.toString());
    assertThat(Files.isDirectory(out.resolve("images"))).isTrue();
    assertThat(robot.lookup("#export-open-folder").tryQuery()).isPresent();
    robot.clickOn("Close");

    robot.rightClickOn("#dataset-demo");
    choose(robot, "dataset-trash");
    waitFor(() -> robot.lookup("#confirm-ok").tryQuery().isPresent());
    robot.clickOn("#confirm-ok");
    waitFor(() -> ws.datasets().list().isEmpty());
    assertThat(ws.trash().list()).extracting(e -> e.name()).containsExactly("street scenes");
    assertThat(model.sidebar().selectedProperty().get()).isNull();
  }

  @Test
  void aProjectIsCreatedRenamedAndDeletedInTheSidebar(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#new-project").tryQuery().isPresent());
    robot.clickOn("#new-project");
    typeName(robot, "Bird watch");
    assertThat(ws.projects().list()).extracting(p -> p.name()).containsExactly("Bird watch");
    String row = "#project-" + ws.projects().list().get(0).slug();
    waitFor(() -> robot.lookup(row).tryQuery().isPresent());

    robot.rightClickOn(row);
    choose(robot, "project-rename");
    typeName(robot, "Owls");
    assertThat(ws.projects().list()).extracting(p -> p.name()).containsExactly("Owls");

    robot.rightClickOn(row);
    choose(robot, "project-delete");
    waitFor(() -> robot.lookup("#confirm-ok").tryQuery().isPresent());
    robot.clickOn("#confirm-cancel"); // by id: the task bar has a "Cancel" button too
    waitFor(() -> robot.lookup("#confirm-ok").tryQuery().isEmpty()); // the right-click below is not the dialog's
    assertThat(ws.projects().list()).hasSize(1);
    robot.rightClickOn(row);
    choose(robot, "project-delete");
    waitFor(() -> robot.lookup("#confirm-ok").tryQuery().isPresent());
    robot.clickOn("#confirm-ok");
    waitFor(() -> ws.projects().list().isEmpty());
    waitFor(() -> robot.lookup(row).tryQuery().isEmpty());
  }

  @Test
  void aNewDatasetIsCreatedFromTheToolbar(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#new-dataset").tryQuery().isPresent());
    robot.clickOn("#new-dataset");
    waitFor(() -> robot.lookup("#dataset-name").tryQuery().isPresent());
    robot.clickOn("#dataset-name").write("birds");
    robot.clickOn("#dataset-classes").write("owl, hawk");
    robot.clickOn("#dialog-ok");
    waitFor(() -> ws.datasets().list().size() == 2);
    Dataset birds = ws.datasets().list().stream().filter(d -> d.name().equals("birds")).findFirst().orElseThrow();
    assertThat(birds.classNames()).containsExactly("owl", "hawk");
    assertThat(model.sidebar().selectedProperty().get().id()).isEqualTo(birds.id());
  }
}
