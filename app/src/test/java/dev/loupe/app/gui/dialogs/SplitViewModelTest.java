package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitViewModelTest {
  @TempDir Path dir;

  @Test
  void sharesAreNormalizedAndMustBeUsable() {
    try (Workspace ws = Workspace.open(dir)) {
      SplitViewModel model = new SplitViewModel(ws, TestWorkspaces.synthetic(ws, "d", 10));
      model.trainProperty().set(8);
      model.valProperty().set(1);
      model.testProperty().set(1);
      assertThat(model.ratios().train()).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(model.problemProperty().get()).isNull();
      model.valProperty().set(-1);
      assertThat(model.problemProperty().get()).isEqualTo("Shares cannot be negative.");
      model.valProperty().set(0);
      model.trainProperty().set(0);
      model.testProperty().set(0);
      assertThat(model.problemProperty().get()).isEqualTo("At least one share must be above zero.");
    }
  }

  @Test
  void redistributionIsRepeatableWithTheSameSeed() {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = TestWorkspaces.synthetic(ws, "d", 1000);
      Map<Split, Long> first = run(ws, d, 7);
      String sample = ws.images().list(d.id(), dev.loupe.core.workspace.ImageQuery.all().withSplit(Split.TEST)
          .withPage(0, 5)).images().toString();
      Map<Split, Long> again = run(ws, d, 7);
      assertThat(again).isEqualTo(first);
      assertThat(first.get(Split.TRAIN) + first.get(Split.VAL) + first.get(Split.TEST)).isEqualTo(1000);
      assertThat(first.get(Split.VAL)).isBetween(150L, 250L);
      assertThat(ws.images().list(d.id(), dev.loupe.core.workspace.ImageQuery.all().withSplit(Split.TEST)
          .withPage(0, 5)).images().stream().map(r -> r.hash()).toList())
          .isEqualTo(java.util.Arrays.stream(sample.split("hash=")).skip(1).map(s -> s.substring(0, 64)).toList());
    }
  }

  private static Map<Split, Long> run(Workspace ws, Dataset d, long seed) {
    SplitViewModel model = new SplitViewModel(ws, d);
    model.trainProperty().set(60);
    model.valProperty().set(20);
    model.testProperty().set(20);
    model.seedProperty().set(seed);
    BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
    AtomicReference<Map<Split, Long>> counts = new AtomicReference<>();
    Fx.run(() -> model.start(tasks, counts::set));
    Fx.waitFor(() -> counts.get() != null || tasks.errorProperty().get() != null, Duration.ofSeconds(30));
    tasks.close();
    return counts.get();
  }
}
