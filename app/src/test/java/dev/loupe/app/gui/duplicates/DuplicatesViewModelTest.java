package dev.loupe.app.gui.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.FakeInsight;
import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplicates model over a real workspace (synthetic: image 8 is in val, 9 in test, the rest in
 * train) and scripted groups: an exact pair in train, and a near trio that leaks into val and test.
 */
class DuplicatesViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private Dataset dataset;
  private FakeInsight insight;
  private DuplicatesViewModel model;
  private final AtomicInteger changes = new AtomicInteger();

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    dataset = TestWorkspaces.synthetic(ws, "dups", 10);
    insight = new FakeInsight();
    insight.duplicates = List.of(
        new DuplicateGroup(DuplicateGroup.Kind.EXACT, false, List.of(image(1), image(2))),
        new DuplicateGroup(DuplicateGroup.Kind.NEAR, true, List.of(image(3), image(8), image(9))));
    BackgroundTasks tasks = new BackgroundTasks(Runnable::run, System::nanoTime);
    model = Fx.call(() -> new DuplicatesViewModel(() -> insight, ws, tasks, dataset));
    model.setOnChanged(changes::incrementAndGet);
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private DuplicateImage image(int i) {
    Split split = i == 8 ? Split.VAL : i == 9 ? Split.TEST : Split.TRAIN;
    return new DuplicateImage(TestWorkspaces.hash(i), "img_" + i + ".jpg", split);
  }

  private static void fx(Runnable action) {
    Fx.run(action);
    Fx.run(() -> {});
  }

  @Test
  void groupsAreShownWithTheirKindSplitsAndLeaks() {
    fx(model::refresh);
    assertThat(insight.duplicateThresholds).containsExactly(DuplicatesViewModel.DEFAULT_THRESHOLD);
    assertThat(model.groups()).hasSize(2);
    assertThat(model.groups().stream().map(DuplicatesViewModel::describe))
        .containsExactly("Exact copies · 2 images · train", "Near copies · 3 images · train + val + test: leak");
    assertThat(model.summaryProperty().get()).isEqualTo("1 exact group, 1 near group · 1 leak across splits");
    assertThat(model.loadingProperty().get()).isFalse();
  }

  @Test
  void aNewThresholdSearchesAgain() {
    fx(model::refresh);
    insight.duplicates = List.of();
    fx(() -> model.thresholdProperty().set(0));
    assertThat(insight.duplicateThresholds).containsExactly(DuplicatesViewModel.DEFAULT_THRESHOLD, 0.0);
    assertThat(model.groups()).isEmpty();
    assertThat(model.summaryProperty().get()).isEqualTo("No duplicates at this threshold.");
  }

  @Test
  void keepingOneImageDeletesTheOthersOfItsGroup() {
    fx(model::refresh);
    DuplicateGroup exact = model.groups().get(0);
    fx(() -> model.keepOnly(exact, TestWorkspaces.hash(2)));
    assertThat(ws.images().find(dataset.id(), TestWorkspaces.hash(1))).isEmpty();
    assertThat(ws.images().find(dataset.id(), TestWorkspaces.hash(2))).isPresent();
    assertThat(ws.images().counts(dataset.id()).images()).isEqualTo(9);
    assertThat(model.groups()).hasSize(1);
    assertThat(changes.get()).isEqualTo(1);
  }

  @Test
  void movingAGroupToOneSplitEndsItsLeak() {
    fx(model::refresh);
    DuplicateGroup leak = model.groups().get(1);
    fx(() -> model.moveAll(leak, Split.TRAIN));
    for (int i : new int[] {3, 8, 9}) {
      assertThat(ws.images().require(dataset.id(), TestWorkspaces.hash(i)).split()).isEqualTo(Split.TRAIN);
    }
    DuplicateGroup now = model.groups().get(1);
    assertThat(now.crossSplit()).isFalse();
    assertThat(now.images()).extracting(DuplicateImage::split).containsOnly(Split.TRAIN);
    assertThat(model.summaryProperty().get()).isEqualTo("1 exact group, 1 near group");
    assertThat(changes.get()).isEqualTo(1);
  }
}
