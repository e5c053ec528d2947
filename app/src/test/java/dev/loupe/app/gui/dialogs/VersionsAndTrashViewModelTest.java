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
      BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
      TrashViewModel model = Fx.call(() -> new TrashViewModel(ws, tasks));
      Fx.run(() -> {
        model.moveToTrash(a.id());
        model.moveToTrash(b.id());
        model.moveToTrash(c.id());
      });
      assertThat(Fx.call(() -> model.entries().stream().map(e -> e.name()).toList()))
          .containsExactlyInAnyOrder("a", "b", "c");

      Fx.run(() -> model.restore(model.entries().stream().filter(e -> e.name().equals("a")).findFirst().orElseThrow()));
      assertThat(ws.datasets().find(a.id())).isPresent();
      java.util.concurrent.atomic.AtomicBoolean purged = new java.util.concurrent.atomic.AtomicBoolean();
      Fx.run(() -> model.purge(model.entries().stream().filter(e -> e.name().equals("b")).findFirst().orElseThrow(),
          () -> purged.set(true)));
      Fx.waitFor(purged::get, Duration.ofSeconds(30));
      assertThat(Fx.call(() -> model.entries().stream().map(e -> e.name()).toList())).containsExactly("c");
      java.util.concurrent.atomic.AtomicInteger emptied = new java.util.concurrent.atomic.AtomicInteger(-1);
      Fx.run(() -> model.empty(emptied::set));
      Fx.waitFor(() -> emptied.get() >= 0 && model.entries().isEmpty(), Duration.ofSeconds(30));
      tasks.close();
      assertThat(emptied.get()).isEqualTo(1);
      assertThat(ws.trash().list()).isEmpty();
      assertThat(model.problemProperty().get()).isNull();
    }
  }
}
