package dev.loupe.app.gui.sidebar;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar: the workspace's datasets (one selected), its projects and models (an empty section
 * says how to get some), and how many datasets wait in the trash.
 */
public final class SidebarViewModel {
  public static final String NO_PROJECTS = "No projects yet. Create one with: loupe projects create NAME";
  public static final String NO_MODELS = "No models yet. Import one with: loupe models import FILE.onnx";

  private final Workspace workspace;
  private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
  private final ObservableList<String> projects = FXCollections.observableArrayList();
  private final ObservableList<String> models = FXCollections.observableArrayList();
  private final ObjectProperty<Dataset> selected = new SimpleObjectProperty<>();
  private final ReadOnlyIntegerWrapper trashCount = new ReadOnlyIntegerWrapper();

  public SidebarViewModel(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Reads the datasets and the trash again; keeps the selection on the same dataset if it is left. */
  public void refresh() {
    String keep = selected.get() == null ? null : selected.get().id();
    datasets.setAll(workspace.datasets().list());
    trashCount.set(workspace.trash().list().size());
    projects.setAll(workspace.projects().list().stream().map(p -> p.name()).toList());
    models.setAll(
        workspace.models().list(null).stream()
            .map(m -> m.name() + " · " + m.task().apiName() + " · " + m.format())
            .toList());
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

  public ObservableList<String> models() {
    return models;
  }

  public ObjectProperty<Dataset> selectedProperty() {
    return selected;
  }

  public ReadOnlyIntegerProperty trashCountProperty() {
    return trashCount.getReadOnlyProperty();
  }
}
