package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A toolbar too narrow for its buttons' texts shows their icons only, and the texts come back when it widens. */
@ExtendWith(ApplicationExtension.class)
class CompactToolbarFxTest {
  private Stage stage;
  private HBox bar;
  private List<Button> buttons;
  private CompactToolbar toolbar;

  @Start
  void start(Stage primary) {
    // a stage of its own: resizing the shared primary stage would fix its size for the tests after this one
    stage = new Stage();
    buttons = List.of(
        new Button("Import a dataset", Icons.of(Icons.IMPORT)),
        new Button("Export this dataset", Icons.of(Icons.EXPORT)),
        new Button("Redistribute the splits", Icons.of(Icons.SPLIT)));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    bar = new HBox(6, new Label("Loupe"), spacer);
    bar.getChildren().addAll(buttons);
    toolbar = CompactToolbar.attach(bar, buttons);
    stage.setScene(new Scene(bar, 900, 60));
    stage.show();
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(stage::close);
  }

  private void resize(FxRobot robot, double width) {
    robot.interact(() -> stage.setWidth(width));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void narrowShowsIconsOnlyAndWideShowsTextsAgain(FxRobot robot) {
    assertThat(toolbar.compact()).isFalse();
    assertThat(buttons).allMatch(b -> b.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
    double needed = bar.prefWidth(-1);

    resize(robot, needed - 80);
    assertThat(toolbar.compact()).isTrue();
    assertThat(buttons).allMatch(b -> b.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
    // icons only fit: no button is cut short
    assertThat(buttons).allMatch(b -> b.getWidth() >= b.prefWidth(-1) - 0.5);

    resize(robot, needed + 40);
    assertThat(toolbar.compact()).isFalse();
    assertThat(buttons).allMatch(b -> b.getContentDisplay() == ContentDisplay.LEFT);
  }
}
