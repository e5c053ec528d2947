package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private ImportViewModel model;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    model = new ImportViewModel(ws);
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @Test
  void aSourceThatExistsIsNeeded() {
    assertThat(model.problemProperty().get()).startsWith("Choose a folder");
    model.sourceProperty().set(dir.resolve("nowhere"));
    assertThat(model.problemProperty().get()).isEqualTo("No such file or folder: " + dir.resolve("nowhere"));
    model.sourceProperty().set(dir);
    assertThat(model.problemProperty().get()).isNull();
  }

  @Test
  void theChoicesBecomeImportOptions() {
    model.sourceProperty().set(dir);
    assertThat(model.options()).isEqualTo(new ImportOptions(null, null, null, null, 0, null));
    model.formatProperty().set("coco");
    model.taskProperty().set(Task.SEGMENT);
    model.nameProperty().set(" Street ");
    ImportOptions o = model.options();
    assertThat(o.format()).isEqualTo("coco");
    assertThat(o.task()).isEqualTo(Task.SEGMENT);
    assertThat(o.name()).isEqualTo("Street");
    assertThat(o.intoDataset()).isNull();

    Dataset existing = TestWorkspaces.synthetic(ws, "existing", 3);
    model.intoProperty().set(existing);
    assertThat(model.options().intoDataset()).isEqualTo(existing.id());
    assertThat(model.options().name()).isNull(); // a name only names a new dataset
  }

  @Test
  void theImportRunsInTheBackgroundAndItsSummaryNamesEachProblemWithExamples() throws Exception {
    Path folder = TestWorkspaces.demoFolder(dir.resolve("demo"), 12);
    Path someImageDir;
    try (var walk = Files.walk(folder)) {
      someImageDir = walk.filter(p -> p.toString().endsWith(".jpg")).findFirst().orElseThrow().getParent();
    }
    Files.writeString(someImageDir.resolve("broken.jpg"), "not a jpeg");
    model.sourceProperty().set(folder);
    model.nameProperty().set("Demo");
    BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
    AtomicReference<ImportResult> result = new AtomicReference<>();
    Fx.run(() -> model.start(tasks, result::set));
    Fx.waitFor(() -> result.get() != null || tasks.errorProperty().get() != null, Duration.ofSeconds(60));
    tasks.close();

    assertThat(tasks.errorProperty().get()).isNull();
    assertThat(result.get().dataset().name()).isEqualTo("Demo");
    List<String> summary = ImportViewModel.summary(result.get());
    assertThat(ws.images().counts(result.get().dataset().id()).images()).isEqualTo(13);
    // a corrupt image is kept, flagged with its error, and reported with an example
    assertThat(summary.get(0)).startsWith("Imported 13 images and ").endsWith("into 'Demo' (detect, read as yolo).");
    assertThat(summary.get(1)).isEqualTo("No image was skipped.");
    assertThat(summary.subList(2, summary.size()))
        .containsExactly("1 × corrupt or truncated image", "      train/broken.jpg: not an image");
  }

  @Test
  void theSummaryCountsSkippedImagesAndEachKindOfProblem() {
    dev.loupe.core.formats.ImportReport report = new dev.loupe.core.formats.ImportReport();
    report.imported(1_200, 5_000);
    report.skipped(2);
    report.problem(dev.loupe.core.formats.ImportProblem.MISSING_IMAGE, "val/a.jpg");
    report.problem(dev.loupe.core.formats.ImportProblem.MISSING_IMAGE, "val/b.jpg");
    report.problem(dev.loupe.core.formats.ImportProblem.BAD_ROW, "labels/c.txt:3");
    Dataset d = TestWorkspaces.synthetic(ws, "Cars", 1);
    List<String> summary = ImportViewModel.summary(new ImportResult(d, "yolo", report));
    assertThat(summary).containsExactly(
        "Imported 1,200 images and 5,000 labels into 'Cars' (detect, read as yolo).",
        "Skipped 2 images.",
        "2 × image listed but absent",
        "      val/a.jpg",
        "      val/b.jpg",
        "1 × row that is not numbers or has a wrong column count",
        "      labels/c.txt:3");
  }
}
