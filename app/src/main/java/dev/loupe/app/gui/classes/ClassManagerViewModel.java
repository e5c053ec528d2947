package dev.loupe.app.gui.classes;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.ClassPalette;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.paint.Color;

/**
 * The class manager: add, rename, merge, delete and colour a dataset's classes. Merging and deleting
 * rewrite every label, so they run in the background; the picked colours follow their classes when
 * ids move down.
 */
public final class ClassManagerViewModel {
  /** A class as the list shows it. */
  public record ClassRow(int id, String name, Color color) {}

  private final Workspace workspace;
  private final ClassColorStore colors;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectWrapper<Dataset> dataset;
  private final ObservableList<ClassRow> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
  private ClassPalette palette;

  public ClassManagerViewModel(Workspace workspace, ClassColorStore colors, BackgroundTasks tasks, Dataset dataset) {
    this.workspace = workspace;
    this.colors = colors;
    this.tasks = tasks;
    this.dataset = new ReadOnlyObjectWrapper<>(dataset);
    reload();
  }

  public ObservableList<ClassRow> rows() {
    return rows;
  }

  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return dataset.getReadOnlyProperty();
  }

  /** Why the last action was refused, or null. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private void reload() {
    Dataset d = workspace.datasets().require(dataset.get().id());
    dataset.set(d);
    palette = colors.palette(d.id());
    List<ClassRow> list = new java.util.ArrayList<>();
    for (int i = 0; i < d.classNames().size(); i++) {
      list.add(new ClassRow(i, d.classNames().get(i), palette.colorOf(i)));
    }
    rows.setAll(list);
  }

  public boolean add(String name) {
    if (!checkName(name, -1)) {
      return false;
    }
    return act(() -> workspace.classes().add(dataset.get().id(), name.strip()));
  }

  public boolean rename(int id, String name) {
    if (!checkName(name, id)) {
      return false;
    }
    return act(() -> workspace.classes().rename(dataset.get().id(), id, name.strip()));
  }

  public void setColor(int id, Color color) {
    palette.setColor(id, color);
    colors.save(dataset.get().id(), palette);
    reload();
  }

  /** Deletes class {@code id} and its labels, in the background; later ids move down by one. */
  public void delete(int id, Runnable done) {
    String datasetId = dataset.get().id();
    tasks.submit(Messages.text("classes.progress.delete", rows.get(id).name()), m -> workspace.classes().delete(datasetId, id),
        n -> {
          remapColors(c -> c == id ? -1 : c > id ? c - 1 : c);
          reload();
          done.run();
        });
  }

  /** Moves the labels of {@code sources} to {@code target} and removes the sources, in the background. */
  public void merge(List<Integer> sources, int target, Runnable done) {
    if (sources.isEmpty() || sources.contains(target)) {
      problem.set(Messages.text("classes.problem.merge"));
      return;
    }
    problem.set(null);
    String datasetId = dataset.get().id();
    tasks.submit(Messages.text("classes.progress.merge", rows.get(target).name()),
        m -> workspace.classes().merge(datasetId, sources, target),
        n -> {
          int[] shift = new int[rows.size()];
          int next = 0;
          for (int i = 0; i < shift.length; i++) {
            shift[i] = sources.contains(i) ? -1 : next++;
          }
          remapColors(c -> c < shift.length ? shift[c] : -1);
          reload();
          done.run();
        });
  }

  /** Keeps each picked colour on its class after ids changed ({@code map} gives -1 for a removed class). */
  private void remapColors(IntUnaryOperator map) {
    Map<Integer, String> moved = new HashMap<>();
    palette.overridesAsHex().forEach((id, hex) -> {
      int to = map.applyAsInt(id);
      if (to >= 0) {
        moved.put(to, hex);
      }
    });
    palette.loadOverrides(moved);
    colors.save(dataset.get().id(), palette);
  }

  private boolean checkName(String name, int self) {
    if (name == null || name.isBlank()) {
      problem.set(Messages.text("classes.problem.noName"));
      return false;
    }
    for (ClassRow r : rows) {
      if (r.id() != self && r.name().equals(name.strip())) {
        problem.set(Messages.text("classes.problem.exists", name.strip()));
        return false;
      }
    }
    return true;
  }

  private boolean act(Runnable action) {
    try {
      action.run();
      problem.set(null);
      reload();
      return true;
    } catch (RuntimeException e) {
      problem.set(e.getMessage());
      return false;
    }
  }
}
