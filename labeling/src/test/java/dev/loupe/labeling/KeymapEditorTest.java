package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The key editor: a preset is a starting point, and the dialog takes the window's theme. */
@ExtendWith(ApplicationExtension.class)
class KeymapEditorTest {
  private Scene owner;

  @Start
  void start(Stage stage) {
    owner = new Scene(new StackPane(), 300, 200);
    owner.getStylesheets().add("data:text/css,.dialog-pane{-fx-background-color:%23202024;}");
    stage.setScene(owner);
    stage.show();
  }

  @Test
  @SuppressWarnings("unchecked")
  void switching_the_preset_changes_the_bindings_and_ok_returns_them(FxRobot robot) {
    AtomicReference<KeymapEditor> editor = new AtomicReference<>();
    robot.interact(() -> {
      editor.set(KeymapEditor.of(new Keymap(Keymap.Preset.DEFAULT), owner));
      editor.get().show();
    });
    assertThat(editor.get().getDialogPane().getStylesheets()).isEqualTo(owner.getStylesheets());
    ComboBox<Keymap.Preset> preset = robot.lookup("#keymap-preset").queryComboBox();
    robot.interact(() -> preset.setValue(Keymap.Preset.LABEL_STUDIO));
    robot.interact(() -> preset.setValue(Keymap.Preset.CVAT));
    robot.clickOn((javafx.scene.Node) editor.get().getDialogPane().lookupButton(ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    Keymap result = editor.get().getResult();
    assertThat(result.preset()).isEqualTo(Keymap.Preset.CVAT);
    assertThat(result.display(Action.NEXT_IMAGE)).isEqualTo("F");
    assertThat(result.display(Action.PREVIOUS_IMAGE)).isEqualTo("D");
  }
}
