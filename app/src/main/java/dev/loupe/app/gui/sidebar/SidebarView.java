package dev.loupe.app.gui.sidebar;

import dev.loupe.app.gui.ContextMenus;
import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The left column: datasets, projects, models and the trash, each with a context menu (open, rename,
 * export, versions, move, delete); a new project from the + of its header.
 */
public final class SidebarView extends VBox {
  private final SidebarViewModel model;
  private final SidebarActions actions;
  private final ListView<Dataset> datasetList = new ListView<>();

  public SidebarView(SidebarViewModel model, SidebarActions actions) {
    this.model = model;
    this.actions = actions;
    getStyleClass().add("sidebar");
    setPrefWidth(240);
    setMinWidth(200);
    datasetList.setId("datasets");
    datasetList.setItems(model.datasets());
    datasetList.setCellFactory(v -> new DatasetCell());
    datasetList.getStyleClass().add("sidebar-list");
    datasetList.setPlaceholder(emptyState(Messages.text("sidebar.noDatasets")));
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

    Button trash = new Button(null, Icons.of(Icons.TRASH));
    trash.setId("open-trash");
    trash.getStyleClass().addAll("sidebar-item");
    trash.setMaxWidth(Double.MAX_VALUE);
    trash.setAlignment(Pos.CENTER_LEFT);
    trash.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
        () -> Messages.text("sidebar.trash", model.trashCountProperty().get()), model.trashCountProperty()));
    trash.setOnAction(e -> actions.openTrash());

    Button newProject = new Button(null, Icons.of(Icons.PLUS));
    newProject.setId("new-project");
    newProject.getStyleClass().addAll("flat", "sidebar-add");
    newProject.setTooltip(new Tooltip(Messages.text("sidebar.newProject")));
    newProject.setOnAction(e -> actions.newProject());

    getChildren().addAll(
        header(Messages.text("sidebar.datasets"), Icons.DATASET), datasetList,
        header(Messages.text("sidebar.projects"), Icons.PROJECT, newProject),
        section("project", model.projects(), SidebarViewModel.NO_PROJECTS, this::projectRow),
        header(Messages.text("sidebar.models"), Icons.MODEL),
        section("model", model.models(), SidebarViewModel.NO_MODELS, this::modelRow),
        new Region(), trash);
  }

  private static Node header(String text, String icon, Node... after) {
    Label label = new Label(text, Icons.of(icon));
    label.getStyleClass().add("sidebar-header");
    label.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(label, Priority.ALWAYS);
    HBox row = new HBox(label);
    row.getChildren().addAll(after);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(0, 8, 0, 0));
    return row;
  }

  /** A list of rows made by {@code row} from {@code items}, or {@code empty} while there are none. */
  private static <T> Node section(String id, ObservableList<T> items, String empty, Function<T, Node> row) {
    VBox box = new VBox(2);
    box.setId(id + "s");
    box.setPadding(new Insets(0, 8, 4, 8));
    Runnable fill = () -> {
      box.getChildren().clear();
      if (items.isEmpty()) {
        box.getChildren().add(emptyState(empty));
      }
      items.forEach(i -> box.getChildren().add(row.apply(i)));
    };
    items.addListener((ListChangeListener<T>) c -> fill.run());
    fill.run();
    return box;
  }

  private Node projectRow(Project p) {
    Label row = new Label(p.name());
    row.setId("project-" + p.slug());
    row.getStyleClass().add("sidebar-row");
    row.setMaxWidth(Double.MAX_VALUE);
    ContextMenus.attach(row, () -> new ContextMenu(
        item("project-rename", "sidebar.menu.rename", () -> actions.renameProject(p)),
        item("project-delete", "sidebar.menu.delete", () -> actions.deleteProject(p))));
    return row;
  }

  private Node modelRow(ModelRecord m) {
    Label name = new Label(m.name());
    name.getStyleClass().add("dataset-name");
    Label detail = new Label(model.modelDetail(m));
    detail.getStyleClass().add("dataset-detail");
    VBox row = new VBox(1, name, detail);
    row.setId("model-" + m.slug());
    row.getStyleClass().addAll("sidebar-row", "sidebar-model");
    row.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        model.openModel(m);
      }
    });
    ContextMenus.attach(row, () -> modelMenu(m));
    return row;
  }

  private ContextMenu modelMenu(ModelRecord m) {
    Menu move = new Menu(Messages.text("sidebar.menu.moveTo"));
    move.setId("model-move");
    MenuItem none = item("model-move-none", "sidebar.menu.noProject", () -> model.moveModel(m, null));
    none.setDisable(m.projectId() == null);
    move.getItems().add(none);
    for (Project p : model.projects()) {
      MenuItem to = new MenuItem(p.name());
      to.setId("model-move-" + p.slug());
      to.setDisable(p.id().equals(m.projectId()));
      to.setOnAction(e -> model.moveModel(m, p));
      move.getItems().add(to);
    }
    return new ContextMenu(
        item("model-open", "sidebar.menu.open", () -> model.openModel(m)),
        item("model-rename", "sidebar.menu.rename", () -> actions.renameModel(m)),
        move, new SeparatorMenuItem(),
        item("model-delete", "sidebar.menu.delete", () -> actions.deleteModel(m)));
  }

  private static MenuItem item(String id, String key, Runnable action) {
    MenuItem item = new MenuItem(Messages.text(key));
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  private static Label emptyState(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("sidebar-empty");
    label.setWrapText(true);
    return label;
  }

  /** A dataset: its name, then its task and class count in a smaller line; its menu acts on it. */
  private final class DatasetCell extends ListCell<Dataset> {
    DatasetCell() {
      ContextMenus.attach(this, () -> getItem() == null ? null : menu(getItem()));
    }

    private ContextMenu menu(Dataset d) {
      return new ContextMenu(
          item("dataset-open", "sidebar.menu.open", () -> model.selectedProperty().set(d)),
          item("dataset-rename", "sidebar.menu.rename", () -> actions.renameDataset(d)),
          new SeparatorMenuItem(),
          item("dataset-export", "sidebar.menu.export", () -> actions.exportDataset(d)),
          item("dataset-versions", "sidebar.menu.versions", () -> actions.showVersions(d)),
          new SeparatorMenuItem(),
          item("dataset-trash", "sidebar.menu.trash", () -> actions.trashDataset(d)));
    }

    @Override
    protected void updateItem(Dataset d, boolean empty) {
      super.updateItem(d, empty);
      if (empty || d == null) {
        setGraphic(null);
        setText(null);
        setId(null);
        return;
      }
      setId("dataset-" + d.slug());
      Label name = new Label(d.name());
      name.getStyleClass().add("dataset-name");
      Label detail = new Label(Messages.text("sidebar.dataset.detail", d.classCount(), d.task().apiName()));
      detail.getStyleClass().add("dataset-detail");
      VBox text = new VBox(1, name, detail);
      HBox row = new HBox(8, Icons.of(Icons.DATASET), text);
      row.setAlignment(Pos.CENTER_LEFT);
      setGraphic(row);
      setText(null);
    }
  }
}
