package dev.loupe.app.gui.sidebar;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.workspace.DatasetPatch;
import dev.loupe.core.workspace.NewProject;
import dev.loupe.core.workspace.ProjectPatch;
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
 * says how to get some), and how many datasets wait in the trash. Renames, creates and deletes
 * projects, datasets and models, and lists them again after each.
 */
public final class SidebarViewModel {
  public static final String NO_PROJECTS = Messages.text("sidebar.noProjects");
  public static final String NO_MODELS = Messages.text("sidebar.noModels");

  private final Workspace workspace;
  private final ObservableList<Dataset> datasets = FXCollections.observableArrayList();
  private final ObservableList<Project> projects = FXCollections.observableArrayList();
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
    projects.setAll(workspace.projects().list());
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

  public ObservableList<Project> projects() {
    return projects;
  }

  public ObservableList<ModelRecord> models() {
    return models;
  }

  /** Where a click on a model and its menu's "Open" go: the window opens the model's details. */
  public void setOnOpenModel(Consumer<ModelRecord> action) {
    this.onOpenModel = action;
  }

  /** Opens {@code m}'s details (a click on it in the sidebar). */
  public void openModel(ModelRecord m) {
    onOpenModel.accept(m);
  }

  public ObjectProperty<Dataset> selectedProperty() {
    return selected;
  }

  public ReadOnlyIntegerProperty trashCountProperty() {
    return trashCount.getReadOnlyProperty();
  }

  /** A model's one-line description: its task (a .pt checkpoint's may be unknown), format and project. */
  public String modelDetail(ModelRecord m) {
    String project = m.projectId() == null ? null
        : projects.stream().filter(p -> p.id().equals(m.projectId())).map(Project::name).findFirst().orElse(null);
    String line = (m.task() == null ? Messages.text("sidebar.model.taskUnknown") : m.task().apiName())
        + " · " + m.format();
    return project == null ? line : line + " · " + project;
  }

  /** Creates a project named {@code name}. */
  public Project createProject(String name) {
    Project p = workspace.projects().create(NewProject.of(name));
    refresh();
    return p;
  }

  public Project renameProject(Project project, String name) {
    Project p = workspace.projects().update(project.id(), new ProjectPatch(name, null, null));
    refresh();
    return p;
  }

  /**
   * Deletes an empty project.
   *
   * @throws dev.loupe.core.workspace.ConflictException when it still holds models
   */
  public void deleteProject(Project project) {
    workspace.projects().delete(project.id());
    refresh();
  }

  /** Renames {@code dataset}; the selection follows it. */
  public Dataset renameDataset(Dataset dataset, String name) {
    Dataset d = workspace.datasets().update(dataset.id(), new DatasetPatch(name, null, null));
    refresh();
    return d;
  }

  public ModelRecord renameModel(ModelRecord model, String name) {
    ModelRecord m = workspace.models().update(model.id(), name, null);
    refresh();
    return m;
  }

  /** Moves {@code model} into {@code project}, or out of any when null. */
  public ModelRecord moveModel(ModelRecord model, Project project) {
    ModelRecord m = workspace.models().move(model.id(), project == null ? null : project.id());
    refresh();
    return m;
  }

  /** Deletes {@code model} for good (its file too, when no other model holds the same bytes). */
  public void deleteModel(ModelRecord model) {
    workspace.models().delete(model.id());
    refresh();
  }
}
