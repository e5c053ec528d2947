package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The import dialog: what to read (a folder, a file or an archive), as which format and task, into a
 * new dataset or an existing one. The import runs in the background; its report becomes the summary
 * the user sees after (what was imported, what was skipped and why).
 */
public final class ImportViewModel {
  /** The format choice that lets the importer detect it. */
  public static final String DETECT = "detect";

  private final Workspace workspace;
  private final ObjectProperty<Path> source = new SimpleObjectProperty<>();
  private final StringProperty format = new SimpleStringProperty(DETECT);
  private final ObjectProperty<Task> task = new SimpleObjectProperty<>();
  private final ObjectProperty<Dataset> into = new SimpleObjectProperty<>();
  private final StringProperty name = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  public ImportViewModel(Workspace workspace) {
    this.workspace = workspace;
    for (Observable o : List.of(source, format, task, into, name)) {
      o.addListener(x -> problem.set(findProblem()));
    }
    problem.set(findProblem());
  }

  public ObjectProperty<Path> sourceProperty() {
    return source;
  }

  /** {@value #DETECT}, yolo, classify, ndjson or coco. */
  public StringProperty formatProperty() {
    return format;
  }

  /** Forces the task where the files leave it open; null: as read. */
  public ObjectProperty<Task> taskProperty() {
    return task;
  }

  /** The dataset to add to; null: a new dataset. */
  public ObjectProperty<Dataset> intoProperty() {
    return into;
  }

  /** The new dataset's name; blank: from the input. */
  public StringProperty nameProperty() {
    return name;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private String findProblem() {
    Path p = source.get();
    if (p == null) {
      return Messages.text("import.problem.source");
    }
    if (!Files.exists(p)) {
      return Messages.text("import.problem.missing", p.toString());
    }
    return null;
  }

  public ImportOptions options() {
    String f = DETECT.equals(format.get()) ? null : format.get();
    String n = into.get() != null || name.get() == null || name.get().isBlank() ? null : name.get().strip();
    return new ImportOptions(f, task.get(), into.get() == null ? null : into.get().id(), n, 0, null);
  }

  /** Starts the import in the background; {@code done} gets the result on the FX thread. */
  public void start(BackgroundTasks tasks, Consumer<ImportResult> done) {
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    Path p = source.get();
    ImportOptions options = options();
    tasks.submit(Messages.text("import.progress", String.valueOf(p.getFileName())),
        m -> workspace.importDataset(p, options, m), done);
  }

  /** What an import did, as lines for the summary dialog. */
  public static List<String> summary(ImportResult result) {
    ImportReport report = result.report();
    List<String> lines = new ArrayList<>();
    Dataset d = result.dataset();
    lines.add(Messages.text("import.summary.imported", report.importedImages(),
        String.format("%,d", report.importedLabels()), d.name(), d.task().apiName(), result.format()));
    lines.add(report.skippedImages() == 0 ? Messages.text("import.summary.noneSkipped")
        : Messages.text("import.summary.skipped", report.skippedImages()));
    if (report.problemCount() == 0) {
      lines.add(Messages.text("import.summary.noProblems"));
    }
    report.counts().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> {
          lines.add(Messages.text("import.summary.problem", e.getValue(), e.getKey().description()));
          for (String example : report.examples(e.getKey())) {
            lines.add("      " + example);
          }
        });
    return lines;
  }
}
