package dev.loupe.app.gui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset view's model on a real workspace; pages and tasks run in line on the FX thread. */
class DatasetViewModelTest {
  private static final int N = 3000;

  @TempDir Path dir;
  private Workspace ws;
  private Dataset dataset;
  private DatasetViewModel model;
  private BackgroundTasks tasks;
  private final List<LabelingRequest> opened = new ArrayList<>();

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    dataset = TestWorkspaces.synthetic(ws, "big", N);
    tasks = new BackgroundTasks(Runnable::run, System::nanoTime);
    model = Fx.call(() -> new DatasetViewModel(ws, tasks, Runnable::run, Runnable::run));
    model.setOnOpen(opened::add);
    Fx.run(() -> model.open(dataset));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @Test
  void openingFetchesOnlyTheFirstPage() {
    assertThat(model.totalProperty().get()).isEqualTo(N);
    assertThat(model.pages().fetchedRecords()).isEqualTo(ImagePages.PAGE_SIZE);
    assertThat(model.summaryProperty().get()).isEqualTo("3,000 images");
  }

  @Test
  void aDeepPositionFetchesOnlyItsOwnPage() {
    ImageRecord r = Fx.call(() -> model.record(2_345));
    // newest first: position 2,345 is image N - 1 - 2,345
    assertThat(r.filename()).isEqualTo("img_" + (N - 1 - 2_345) + ".jpg");
    assertThat(model.pages().fetches()).isEqualTo(2);
    assertThat(model.pages().fetchedRecords()).isEqualTo(2 * ImagePages.PAGE_SIZE);
  }

  @Test
  void theFiltersMakeTheImagesQuery() {
    Fx.run(() -> {
      model.sortProperty().set(ImageSort.NAME_DESC);
      model.splitProperty().set(Split.VAL);
      model.hasLabelProperty().set(true);
      model.hasErrorProperty().set(false);
      model.searchProperty().set("img_1");
      model.classIds().addAll(Set.of(0, 2));
    });
    ImageQuery q = model.query();
    assertThat(q.sort()).isEqualTo(ImageSort.NAME_DESC);
    assertThat(q.split()).isEqualTo(Split.VAL);
    assertThat(q.hasLabel()).isTrue();
    assertThat(q.hasError()).isFalse();
    assertThat(q.search()).isEqualTo("img_1");
    assertThat(q.classIds()).containsExactlyInAnyOrder(0, 2);
    assertThat(model.totalProperty().get()).isEqualTo(ws.images().list(dataset.id(), q).total()).isPositive();
    ImageRecord first = Fx.call(() -> model.record(0));
    assertThat(first.split()).isEqualTo(Split.VAL);
    assertThat(first.filename()).startsWith("img_1");
  }

  @Test
  void aFilterChangeStartsOverAndClearsTheSelection() {
    Fx.run(() -> model.selection().select(4));
    Fx.run(() -> model.splitProperty().set(Split.TEST));
    assertThat(model.totalProperty().get()).isEqualTo(N / 10);
    assertThat(model.selection().count()).isZero();
    assertThat(Fx.call(() -> model.record(0)).split()).isEqualTo(Split.TEST);
  }

  @Test
  void movingTheSelectionMovesExactlyThoseImages() {
    List<String> chosen = Fx.call(() -> {
      model.selection().select(0);
      model.selection().toggle(5);
      model.selection().extendTo(7, true);
      return List.of(model.record(0).hash(), model.record(5).hash(), model.record(6).hash(), model.record(7).hash());
    });
    long testBefore = ws.images().counts(dataset.id()).test();
    long alreadyTest =
        chosen.stream().filter(h -> ws.images().require(dataset.id(), h).split() == Split.TEST).count();
    Fx.run(() -> model.moveSelectedTo(Split.TEST));

    for (String h : chosen) {
      assertThat(ws.images().require(dataset.id(), h).split()).isEqualTo(Split.TEST);
    }
    assertThat(ws.images().require(dataset.id(), Fx.call(() -> model.record(1)).hash()).split())
        .isNotEqualTo(Split.TEST);
    assertThat(ws.images().counts(dataset.id()).test()).isEqualTo(testBefore + chosen.size() - alreadyTest);
    assertThat(Fx.call(() -> model.record(0)).split()).isEqualTo(Split.TEST); // refreshed
    assertThat(model.selection().count()).isZero();
  }

  @Test
  void selectAllResolvesPagesNeverShownAndDeletesEverythingThatMatches() {
    Fx.run(() -> model.splitProperty().set(Split.VAL));
    Fx.run(() -> model.selection().selectAll());
    assertThat(model.selection().count()).isEqualTo(N / 10);
    Fx.run(() -> model.deleteSelected());
    assertThat(Fx.call(() -> tasks.errorProperty().get())).isNull();

    assertThat(ws.images().counts(dataset.id()).val()).isZero();
    assertThat(ws.images().counts(dataset.id()).images()).isEqualTo(N - N / 10);
    assertThat(Fx.call(() -> model.totalProperty().get())).isZero();
  }

  @Test
  void resolvingReadsTheSelectedPositionsInChunks() {
    java.util.BitSet positions = new java.util.BitSet();
    positions.set(3);
    positions.set(2_999);
    List<Integer> offsets = new ArrayList<>();
    List<String> hashes = DatasetViewModel.resolve(positions,
        (offset, limit) -> {
          offsets.add(offset);
          return ws.images().list(dataset.id(), ImageQuery.all().withPage(offset, limit));
        }, dev.loupe.core.task.TaskMonitor.NONE);

    assertThat(hashes).containsExactly(TestWorkspaces.hash(N - 1 - 3), TestWorkspaces.hash(0));
    assertThat(offsets).containsExactly(0); // one chunk of 5,000 holds both
  }

  @Test
  void openingAnImageHandsTheQueryOrderLazily() {
    Fx.run(() -> model.sortProperty().set(ImageSort.OLDEST));
    Fx.run(() -> model.openAt(1_500));

    assertThat(opened).hasSize(1);
    LabelingRequest request = opened.get(0);
    assertThat(request.index()).isEqualTo(1_500);
    assertThat(request.hashes()).hasSize(N);
    assertThat(request.hashes().get(1_500)).isEqualTo(TestWorkspaces.hash(1_500));
    assertThat(request.hashes().get(1_501)).isEqualTo(TestWorkspaces.hash(1_501));
  }

  @Test
  void nothingIsOpenedBeyondTheImages() {
    Fx.run(() -> model.openAt(N));
    Fx.run(() -> model.openAt(-1));
    assertThat(opened).isEmpty();
  }

  @Test
  void aChartClickReplacesTheFiltersAndOpeningAnotherDatasetDropsTheImageSet() {
    Set<String> three = Set.of(TestWorkspaces.hash(1), TestWorkspaces.hash(2), TestWorkspaces.hash(3));
    Fx.run(() -> {
      model.splitProperty().set(Split.VAL);
      model.searchProperty().set("img_1");
      model.showImageSet(new ImageSetFilter("Centres x 0.50–0.55, y 0.50–0.55", three));
    });
    ImageQuery q = model.query();
    assertThat(q.split()).isNull();
    assertThat(q.search()).isNull();
    assertThat(q.hashes()).isEqualTo(three);
    assertThat(model.totalProperty().get()).isEqualTo(3);

    Fx.run(() -> model.showClass(2));
    assertThat(model.query().hashes()).isNull();
    assertThat(model.query().classIds()).containsExactly(2);
    // synthetic: images i % 5 != 0 with i % 4 == 2 hold class 2
    assertThat(model.totalProperty().get()).isEqualTo(600);

    Fx.run(() -> {
      model.showImageSet(new ImageSetFilter("cell", three));
      model.open(dataset);
    });
    assertThat(model.imageSetProperty().get()).isNull();
    assertThat(model.totalProperty().get()).isEqualTo(N);
  }
}
