package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.start.StartViewModel;
import dev.loupe.core.platform.ConfigDirs;
import dev.loupe.core.platform.PlatformSettingsFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

/** An empty workspace opens on the start page; the settings dialog changes the theme at once. */
@ExtendWith(ApplicationExtension.class)
class StartPageFxTest {
  private static final String KEY = "ul_" + "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;
  private WindowServices services;
  private MainViewModel model;
  private SettingsStore settings;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    services = new WindowServices(dir.resolve("ws"));
    settings = SettingsStore.open(new ConfigDirs(Map.of("LOUPE_CONFIG_DIR", dir.resolve("cfg").toString())::get,
        dir.resolve("home"), "Linux"));
    model = new MainViewModel(services.ws, services.tasks, services.fetcher, Platform::runLater,
        dev.loupe.core.workspace.Workspace::insight, settings);
    services.show(stage, model);
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void anEmptyWorkspaceOpensOnTheStartPageWhoseDemoButtonImportsTheDemo(FxRobot robot) throws Exception {
    Node page = robot.lookup("#start-page").query();
    assertThat(page.isVisible()).isTrue();
    assertThat(robot.lookup("#start-import").tryQuery()).isPresent();
    assertThat(robot.lookup("#start-platform-status").queryAs(Label.class).getText()).startsWith("Not connected");

    robot.clickOn("#start-demo");
    waitFor(() -> model.sidebar().selectedProperty().get() != null);
    assertThat(services.ws.datasets().list().get(0).name()).isEqualTo(StartViewModel.DEMO_NAME);
    assertThat(services.ws.images().counts(services.ws.datasets().list().get(0).id()).images())
        .isEqualTo(StartViewModel.DEMO_IMAGES);
    waitFor(() -> !page.isVisible());
    waitFor(() -> robot.lookup("#tile-0").tryQuery().isPresent());
    assertThat(model.sidebar().selectedProperty().get().name()).isEqualTo(StartViewModel.DEMO_NAME);
  }

  @Test
  void theStartPageImportButtonOpensTheImportDialog(FxRobot robot) throws Exception {
    robot.clickOn("#start-import");
    waitFor(() -> robot.lookup("#import-source").tryQuery().isPresent());
    robot.clickOn("Cancel");
  }

  @Test
  void connectingStoresTheKeyForThisUserOnly(FxRobot robot) throws Exception {
    robot.clickOn("#start-platform");
    waitFor(() -> robot.lookup("#platform-key").tryQuery().isPresent());
    assertThat(robot.lookup("#dialog-ok").query().isDisabled()).isTrue();
    robot.clickOn("#platform-key").write("ul_nope");
    assertThat(robot.lookup("#dialog-problem").queryAs(Label.class).getText()).contains("40 hexadecimal");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(KEY);
    robot.clickOn("#dialog-ok");
    WaitForAsyncUtils.waitForFxEvents();
    PlatformSettingsFile file = settings.platform();
    assertThat(file.read().apiKeyText()).isEqualTo(KEY);
    assertThat(robot.lookup("#start-platform-status").queryAs(Label.class).getText())
        .startsWith("Connected: a key from ").contains(file.path().toString());
  }

  @Test
  void ctrlCommaOpensTheSettingsWhereTheThemeChangesAtOnceAndIsSaved(FxRobot robot) throws Exception {
    assertThat(stage.getScene().getStylesheets()).containsExactly(MainWindow.STYLESHEET);
    robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
    waitFor(() -> robot.lookup("#settings-theme").tryQuery().isPresent());
    @SuppressWarnings("unchecked")
    ComboBox<AppSettings.Theme> theme = robot.lookup("#settings-theme").queryAs(ComboBox.class);
    robot.interact(() -> theme.setValue(AppSettings.Theme.LIGHT));
    assertThat(stage.getScene().getStylesheets()).containsExactly(MainWindow.STYLESHEET, MainWindow.LIGHT_STYLESHEET);
    assertThat(robot.lookup("#settings-dialog").query().getScene().getStylesheets())
        .contains(MainWindow.LIGHT_STYLESHEET);
    assertThat(AppSettings.read(settings.file()).theme()).isEqualTo(AppSettings.Theme.LIGHT);

    @SuppressWarnings("unchecked")
    ComboBox<String> keymap = robot.lookup("#settings-keymap").queryAs(ComboBox.class);
    robot.interact(() -> keymap.setValue("cvat"));
    assertThat(AppSettings.read(settings.file()).keymapPreset()).isEqualTo("cvat");

    robot.interact(() -> theme.setValue(AppSettings.Theme.DARK));
    assertThat(stage.getScene().getStylesheets()).containsExactly(MainWindow.STYLESHEET);
    robot.clickOn("Close");
  }
}
