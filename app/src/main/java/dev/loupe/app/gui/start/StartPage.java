package dev.loupe.app.gui.start;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What an empty workspace opens on: three ways in, each a large button with a line under it: the
 * demo dataset, an import of a folder or an archive, and a connection to the platform.
 */
public final class StartPage extends StackPane {
  /** What the page's buttons open (the main window's dialogs). */
  public interface Actions {
    void openDemo();

    void importDataset();

    void connectPlatform();
  }

  public StartPage(StartViewModel model, Actions actions) {
    setId("start-page");
    getStyleClass().add("start-page");
    Label title = new Label(Messages.text("start.title"), Icons.of(Icons.LOUPE));
    title.getStyleClass().add("start-title");
    Label lead = new Label(Messages.text("start.lead"));
    lead.getStyleClass().add("start-lead");
    lead.setWrapText(true);

    Button demo = choice("start-demo", Icons.DATASET, "start.demo", "start.demo.detail", actions::openDemo);
    demo.disableProperty().bind(model.makingDemoProperty());
    Button importButton = choice("start-import", Icons.IMPORT, "start.import", "start.import.detail",
        actions::importDataset);
    importButton.getStyleClass().add("accent");
    Button platform = choice("start-platform", Icons.MODEL, "start.platform", "start.platform.detail",
        actions::connectPlatform);
    HBox choices = new HBox(16, demo, importButton, platform);
    choices.setAlignment(Pos.CENTER);

    Label status = new Label();
    status.setId("start-platform-status");
    status.getStyleClass().add("start-status");
    status.textProperty().bind(model.platformProperty());

    VBox page = new VBox(18, title, lead, choices, status);
    page.setAlignment(Pos.CENTER);
    page.setMaxWidth(820);
    getChildren().add(page);
  }

  private static Button choice(String id, String icon, String key, String detailKey, Runnable action) {
    Label text = new Label(Messages.text(key));
    text.getStyleClass().add("start-choice-title");
    Label detail = new Label(Messages.text(detailKey));
    detail.getStyleClass().add("start-choice-detail");
    detail.setWrapText(true);
    VBox box = new VBox(6, Icons.of(icon), text, detail);
    box.setAlignment(Pos.TOP_LEFT);
    Button b = new Button(null, box);
    b.setId(id);
    b.getStyleClass().add("start-choice");
    b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    b.setPrefSize(240, 130);
    b.setOnAction(e -> action.run());
    return b;
  }
}
