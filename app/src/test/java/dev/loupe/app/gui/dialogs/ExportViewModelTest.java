package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {
  @TempDir Path dir;

  @Test
  void formatsFollowTheTaskAndTheTargetMustBeNew() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Dataset detect = TestWorkspaces.synthetic(ws, "d", 2);
      Dataset classify = ws.datasets().create(NewDataset.of("c", Task.CLASSIFY, List.of("cat", "dog")));
      ExportViewModel model = ExportViewModel.ofDataset(ws, detect);
      assertThat(model.formats()).containsExactly("yolo", "ndjson", "coco");
      assertThat(ExportViewModel.ofDataset(ws, classify).formats()).containsExactly("ndjson", "classify");
      assertThat(ExportViewModel.ofDataset(ws, classify).formatProperty().get()).isEqualTo("classify");

      assertThat(model.problemProperty().get()).isEqualTo("Choose where to write the export.");
      model.targetProperty().set(dir.resolve("missing-folder").resolve("out.zip"));
      assertThat(model.problemProperty().get()).contains("does not exist");
      Path taken = Files.writeString(dir.resolve("taken.zip"), "x");
      model.targetProperty().set(taken);
      assertThat(model.problemProperty().get()).isEqualTo("taken.zip exists; choose a new name.");
      model.targetProperty().set(dir.resolve("out"));
      assertThat(model.problemProperty().get()).isNull();
      model.formatProperty().set("classify");
      assertThat(model.problemProperty().get()).startsWith("Choose a format");
    }
  }

  @Test
  void theExportWritesInTheBackground() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Dataset demo = TestWorkspaces.demo(ws, dir, "demo", 6);
      ExportViewModel model = ExportViewModel.ofDataset(ws, demo);
      model.formatProperty().set("ndjson");
      Path target = dir.resolve("demo.ndjson");
      model.targetProperty().set(target);
      BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
      AtomicReference<Long> written = new AtomicReference<>();
      Fx.run(() -> model.start(tasks, written::set));
      Fx.waitFor(() -> written.get() != null || tasks.errorProperty().get() != null, Duration.ofSeconds(60));
      tasks.close();
      assertThat(written.get()).isEqualTo(6);
      assertThat(Files.readAllLines(target)).hasSize(7); // the dataset line and six images
    }
  }
}
