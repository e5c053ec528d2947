package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionsAndTrashViewModelTest {
  @TempDir Path dir;

  @Test
  void aVersionIsCreatedWithItsDescriptionAndListed() {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = TestWorkspaces.synthetic(ws, "d", 25);
      VersionsViewModel model = Fx.call(() -> new VersionsViewModel(ws, d));
      assertThat(model.versions()).isEmpty();
      BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
      Fx.run(() -> {
        model.descriptionProperty().set("  first labelled batch ");
        model.create(tasks);
      });
      Fx.waitFor(() -> model.versions().size() == 1, Duration.ofSeconds(30));
      tasks.close();
      assertThat(model.versions().get(0).version()).isEqualTo(1);
      assertThat(model.versions().get(0).description()).isEqualTo("first labelled batch");
      assertThat(model.versions().get(0).imageCount()).isEqualTo(25);
      assertThat(Fx.call(() -> model.descriptionProperty().get())).isEmpty();
      assertThat(model.export(1).what()).isEqualTo("d v1");
    }
  }

  @Test
  void theTrashRestoresPurgesAndEmpties() {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset a = TestWorkspaces.synthetic(ws, "a", 3);
      Dataset b = TestWorkspaces.synthetic(ws, "b", 3);
      Dataset c = TestWorkspaces.synthetic(ws, "c", 3);
      TrashViewModel model = new TrashViewModel(ws);
      model.moveToTrash(a.id());
      model.moveToTrash(b.id());
      model.moveToTrash(c.id());
      assertThat(model.entries()).extracting(e -> e.name()).containsExactlyInAnyOrder("a", "b", "c");

      model.restore(model.entries().stream().filter(e -> e.name().equals("a")).findFirst().orElseThrow());
      assertThat(ws.datasets().find(a.id())).isPresent();
      model.purge(model.entries().stream().filter(e -> e.name().equals("b")).findFirst().orElseThrow());
      assertThat(model.entries()).extracting(e -> e.name()).containsExactly("c");
      assertThat(model.empty()).isEqualTo(1);
      assertThat(model.entries()).isEmpty();
      assertThat(model.problemProperty().get()).isNull();
    }
  }
}
