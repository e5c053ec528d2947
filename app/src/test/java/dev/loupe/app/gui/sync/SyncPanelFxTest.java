package dev.loupe.app.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.sync.FakePlatform;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.sync.SyncTestData;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sync panel against a fake platform on loopback (MockWebServer): push, a conflict, take remote. */
@ExtendWith(ApplicationExtension.class)
class SyncPanelFxTest {
  @TempDir static Path dir;
  private Workspace local;
  private FakePlatform platform;
  private BackgroundTasks tasks;
  private SyncPanelViewModel model;
  private Dataset dataset;

  @Start
  void start(Stage stage) throws Exception {
    local = Workspace.open(dir.resolve("local"));
    platform = new FakePlatform(dir.resolve("remote"), true);
    dataset = SyncTestData.dataset(local, dir, "pets", 4, 3);
    tasks = BackgroundTasks.create();
    model = new SyncPanelViewModel(local, dataset, platform::client, SyncOptions.defaults(), tasks);
    stage.setScene(new Scene(new SyncPanel(model, () -> {}), 700, 520));
    stage.show();
  }

  @AfterEach
  void close() throws Exception {
    tasks.close();
    local.close();
    platform.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static List<Label> box(int classId, double cx) {
    return List.of(new BoxLabel(classId, cx, 0.5, 0.2, 0.2));
  }

  @Test
  void pushThenAConflictResolvedByTakingTheRemoteSide(FxRobot robot) throws Exception {
    assertThat(robot.lookup("#sync-state").queryLabeled().getText()).startsWith("Not linked");
    assertThat(robot.lookup("#sync-pull").queryButton().isDisabled()).isTrue();

    robot.clickOn("#sync-push");
    waitFor(() -> robot.lookup("#sync-outcome").queryLabeled().getText().startsWith("Pushed"));
    assertThat(robot.lookup("#sync-outcome").queryLabeled().getText()).contains("4 uploaded");
    assertThat(robot.lookup("#sync-state").queryLabeled().getText()).startsWith("Linked to pets");
    assertThat(robot.lookup("#sync-pull").queryButton().isDisabled()).isFalse();
    assertThat(tasks.errorProperty().get()).isNull();

    String remoteId = platform.remote.datasets().require("pets").id();
    String hash = local.images().list(dataset.id(), ImageQuery.all()).images().get(0).hash();
    local.labels().put(dataset.id(), hash, box(0, 0.3));
    platform.remote.labels().put(remoteId, hash, box(1, 0.7));

    robot.clickOn("#sync-both");
    TableView<?> conflicts = robot.lookup("#sync-conflicts").queryTableView();
    waitFor(() -> conflicts.getItems().size() == 1 && !model.busyProperty().get());
    assertThat(robot.lookup("#sync-state").queryLabeled().getText()).contains("1 conflict");
    assertThat(robot.lookup("#sync-take-remote").queryButton().isDisabled()).isTrue();

    robot.interact(() -> conflicts.getSelectionModel().select(0));
    robot.clickOn("#sync-take-remote");
    waitFor(() -> conflicts.getItems().isEmpty() && !model.busyProperty().get());
    assertThat(robot.lookup("#sync-outcome").queryLabeled().getText()).startsWith("Kept the remote side");
    assertThat(local.labels().get(dataset.id(), hash)).isEqualTo(box(1, 0.7));
    assertThat(tasks.errorProperty().get()).isNull();
  }
}
