package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.Formats;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The export dialog of a dataset, or of one of its versions: the format and where to write (a
 * folder, a {@code .zip}, or a {@code .ndjson} file for NDJSON).
 */
public final class ExportViewModel {
  public interface Exporter {
    long export(String format, Path target, dev.loupe.core.task.TaskMonitor monitor) throws Exception;
  }

  private final Dataset dataset;
  private final String what;
  private final Exporter exporter;
  private final StringProperty format = new SimpleStringProperty("yolo");
  private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  /** Exports {@code dataset} as it is now. */
  public static ExportViewModel ofDataset(Workspace workspace, Dataset dataset) {
    return new ExportViewModel(dataset, dataset.name(),
        (f, t, m) -> workspace.exportDataset(dataset.id(), f, t, m));
  }

  /** Exports version {@code number} of {@code dataset}. */
  public static ExportViewModel ofVersion(Workspace workspace, Dataset dataset, int number) {
    return new ExportViewModel(dataset, Messages.text("export.version", number, dataset.name()),
        (f, t, m) -> workspace.versions().export(dataset.id(), number, f, t, m));
  }

  ExportViewModel(Dataset dataset, String what, Exporter exporter) {
    this.dataset = dataset;
    this.what = what;
    this.exporter = exporter;
    if (dataset.task() == Task.CLASSIFY) {
      format.set("classify");
    }
    for (Observable o : List.of(format, target)) {
      o.addListener(x -> problem.set(findProblem()));
    }
    problem.set(findProblem());
  }

  /** The formats this dataset's task can be written as. */
  public List<String> formats() {
    return Formats.WRITABLE.stream()
        .filter(f -> dataset.task() == Task.CLASSIFY ? !f.equals("yolo") && !f.equals("coco") : !f.equals("classify"))
        .toList();
  }

  public String what() {
    return what;
  }

  public StringProperty formatProperty() {
    return format;
  }

  public ObjectProperty<Path> targetProperty() {
    return target;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private String findProblem() {
    if (format.get() == null || !formats().contains(format.get())) {
      return Messages.text("export.problem.format", String.join(", ", formats()));
    }
    Path t = target.get();
    if (t == null) {
      return Messages.text("export.problem.target");
    }
    if (t.getParent() != null && !Files.isDirectory(t.getParent())) {
      return Messages.text("export.problem.noFolder", t.getParent().toString());
    }
    if (Files.isRegularFile(t)) {
      return Messages.text("export.problem.exists", String.valueOf(t.getFileName()));
    }
    return null;
  }

  /** Starts the export in the background; {@code done} gets the number of images written. */
  public void start(BackgroundTasks tasks, Consumer<Long> done) {
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    String f = format.get();
    Path t = target.get();
    tasks.submit(Messages.text("export.progress", what), m -> exporter.export(f, t, m), done);
  }
}
