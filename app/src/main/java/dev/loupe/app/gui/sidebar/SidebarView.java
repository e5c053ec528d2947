package dev.loupe.app.gui.sidebar;

import dev.loupe.app.gui.Icons;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The left column: datasets, projects, models and the trash. */
public final class SidebarView extends VBox {
  private final ListView<Dataset> datasetList = new ListView<>();

  public SidebarView(SidebarViewModel model, Runnable openTrash) {
    getStyleClass().add("sidebar");
    setPrefWidth(240);
    setMinWidth(200);
    datasetList.setId("datasets");
    datasetList.setItems(model.datasets());
    datasetList.setCellFactory(v -> new DatasetCell());
    datasetList.getStyleClass().add("sidebar-list");
    datasetList.setPlaceholder(emptyState("No datasets. Import one with the button above."));
    datasetList.getSelectionModel().selectedItemProperty()
        .addListener((o, a, d) -> {
          if (d != null) {
            model.selectedProperty().set(d);
          }
        });
    model.selectedProperty().addListener((o, a, d) -> {
      if (d != datasetList.getSelectionModel().getSelectedItem()) {
        datasetList.getSelectionModel().select(d);
      }
    });
    VBox.setVgrow(datasetList, Priority.ALWAYS);

    Button trash = new Button("Trash", Icons.of(Icons.TRASH));
    trash.setId("open-trash");
    trash.getStyleClass().addAll("sidebar-item");
    trash.setMaxWidth(Double.MAX_VALUE);
    trash.setAlignment(Pos.CENTER_LEFT);
    trash.textProperty().bind(model.trashCountProperty().asString("Trash  (%d)"));
    trash.setOnAction(e -> openTrash.run());

    getChildren().addAll(
        header("DATASETS", Icons.DATASET), datasetList,
        header("PROJECTS", Icons.PROJECT), section(model.projects(), SidebarViewModel.NO_PROJECTS, Label::new),
        header("MODELS", Icons.MODEL), section(model.models(), SidebarViewModel.NO_MODELS, m -> modelItem(model, m)),
        new Region(), trash);
  }

  private static Node header(String text, String icon) {
    Label label = new Label(text, Icons.of(icon));
    label.getStyleClass().add("sidebar-header");
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  private static <T> Node section(
      javafx.collections.ObservableList<T> items, String empty, java.util.function.Function<T, Node> item) {
    VBox box = new VBox(2);
    box.setPadding(new Insets(0, 8, 4, 8));
    Runnable fill = () -> {
      box.getChildren().clear();
      if (items.isEmpty()) {
        box.getChildren().add(emptyState(empty));
      }
      items.forEach(i -> box.getChildren().add(item.apply(i)));
    };
    items.addListener((javafx.collections.ListChangeListener<T>) c -> fill.run());
    fill.run();
    return box;
  }

  /** A model: a link that opens its details. */
  private static Node modelItem(SidebarViewModel model, ModelRecord m) {
    Hyperlink link = new Hyperlink(SidebarViewModel.describe(m));
    link.setId("sidebar-model-" + m.slug());
    link.getStyleClass().add("sidebar-model");
    link.setTooltip(new javafx.scene.control.Tooltip("Open " + m.name() + ": metrics, its run, validation, export"));
    link.setOnAction(e -> model.openModel(m));
    return link;
  }

  private static Label emptyState(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("sidebar-empty");
    label.setWrapText(true);
    return label;
  }

  /** A dataset: its name, then its task and class count in a smaller line. */
  private static final class DatasetCell extends ListCell<Dataset> {
    @Override
    protected void updateItem(Dataset d, boolean empty) {
      super.updateItem(d, empty);
      if (empty || d == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label name = new Label(d.name());
      name.getStyleClass().add("dataset-name");
      Label detail = new Label(d.task().apiName() + " · " + d.classCount() + " classes");
      detail.getStyleClass().add("dataset-detail");
      VBox text = new VBox(1, name, detail);
      HBox row = new HBox(8, Icons.of(Icons.DATASET), text);
      row.setAlignment(Pos.CENTER_LEFT);
      setGraphic(row);
      setText(null);
    }
  }
}
