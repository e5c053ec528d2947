package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The new-dataset dialog: name, task, classes (one per line or comma-separated), keypoint shape. */
public final class NewDatasetViewModel {
  private final StringProperty name = new SimpleStringProperty("");
  private final ObjectProperty<Task> task = new SimpleObjectProperty<>(Task.DETECT);
  private final StringProperty classes = new SimpleStringProperty("");
  private final IntegerProperty keypoints = new SimpleIntegerProperty(17);
  private final IntegerProperty dims = new SimpleIntegerProperty(3);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  public NewDatasetViewModel() {
    for (Observable o : List.of(name, task, classes, keypoints, dims)) {
      o.addListener(x -> validate());
    }
    validate();
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObjectProperty<Task> taskProperty() {
    return task;
  }

  public StringProperty classesProperty() {
    return classes;
  }

  public IntegerProperty keypointsProperty() {
    return keypoints;
  }

  /** 2 (x, y) or 3 (x, y, visibility). */
  public IntegerProperty dimsProperty() {
    return dims;
  }

  /** What keeps the dataset from being created, or null when it can be. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The class names, in order, from the text. */
  public List<String> classNames() {
    List<String> names = new ArrayList<>();
    for (String part : classes.get().split("[,\\n]")) {
      if (!part.isBlank()) {
        names.add(part.strip());
      }
    }
    return names;
  }

  private void validate() {
    problem.set(findProblem());
  }

  private String findProblem() {
    if (name.get() == null || name.get().isBlank()) {
      return Messages.text("newDataset.problem.name");
    }
    if (task.get() == null) {
      return Messages.text("newDataset.problem.task");
    }
    Set<String> seen = new HashSet<>();
    for (String c : classNames()) {
      if (!seen.add(c)) {
        return Messages.text("newDataset.problem.duplicate", c);
      }
    }
    if (task.get() == Task.CLASSIFY && seen.size() < 2) {
      return Messages.text("newDataset.problem.classify");
    }
    if (task.get() == Task.POSE) {
      if (keypoints.get() < 1) {
        return Messages.text("newDataset.problem.keypoints");
      }
      if (dims.get() != 2 && dims.get() != 3) {
        return Messages.text("newDataset.problem.dims");
      }
    }
    return null;
  }

  public NewDataset toNewDataset() {
    KptShape shape = task.get() == Task.POSE ? new KptShape(keypoints.get(), dims.get()) : null;
    return new NewDataset(null, name.get().strip(), "", task.get(), classNames(), null, shape, null, Map.of());
  }

  /** Creates the dataset; throws with the workspace's reason when it refuses. */
  public Dataset create(Workspace workspace) {
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    return workspace.datasets().create(toNewDataset());
  }
}
