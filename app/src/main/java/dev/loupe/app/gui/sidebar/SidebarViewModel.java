package dev.loupe.app.gui.sidebar;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.Workspace;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar: the workspace's datasets (one selected), its projects and models (an empty section
 * says how to get some; a click on a model opens its details), and how many datasets wait in the
 * trash.
 */
public final class SidebarViewModel {
  public static final String NO_PROJECTS = "No projects yet. Create one with: loupe projects create NAME";
  public static final String NO_MODELS = "No models yet. Import one with: loupe models import FILE.onnx";

  private final Workspace workspace;
  private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
  private final ObservableList<String> projects = FXCollections.observableArrayList();
  private final ObservableList<ModelRecord> models = FXCollections.observableArrayList();
  private final ObjectProperty<Dataset> selected = new SimpleObjectProperty<>();
  private final ReadOnlyIntegerWrapper trashCount = new ReadOnlyIntegerWrapper();
  private Consumer<ModelRecord> onOpenModel = m -> {};

  public SidebarViewModel(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Reads the datasets and the trash again; keeps the selection on the same dataset if it is left. */
  public void refresh() {
    String keep = selected.get() == null ? null : selected.get().id();
    datasets.setAll(workspace.datasets().list());
    trashCount.set(workspace.trash().list().size());
    projects.setAll(workspace.projects().list().stream().map(p -> p.name()).toList());
    models.setAll(workspace.models().list(null));
    Dataset again = datasets.stream().filter(d -> d.id().equals(keep)).findFirst().orElse(null);
    if (!Objects.equals(again, selected.get())) {
      selected.set(again);
    }
  }

  /** Selects the dataset with this id, if it is listed. */
  public void select(String datasetId) {
    datasets.stream().filter(d -> d.id().equals(datasetId)).findFirst().ifPresent(selected::set);
  }

  /** Selects the first dataset when none is selected. */
  public void selectFirstIfNone() {
    if (selected.get() == null && !datasets.isEmpty()) {
      selected.set(datasets.get(0));
    }
  }

  public ObservableList<Dataset> datasets() {
    return datasets;
  }

  public ObservableList<String> projects() {
    return projects;
  }

  /** The workspace's models (the registry). */
  public ObservableList<ModelRecord> models() {
    return models;
  }

  /** What happens when a model is clicked: the window opens its details. */
  public void setOnOpenModel(Consumer<ModelRecord> action) {
    this.onOpenModel = action;
  }

  /** Opens {@code m}'s details (a click on it in the sidebar). */
  public void openModel(ModelRecord m) {
    onOpenModel.accept(m);
  }

  /** {@code name · task · format}; a model whose task is unknown (a .pt checkpoint) says so. */
  public static String describe(ModelRecord m) {
    return m.name() + " · " + (m.task() == null ? "task unknown" : m.task().apiName()) + " · " + m.format();
  }

  public ObjectProperty<Dataset> selectedProperty() {
    return selected;
  }

  public ReadOnlyIntegerProperty trashCountProperty() {
    return trashCount.getReadOnlyProperty();
  }
}
