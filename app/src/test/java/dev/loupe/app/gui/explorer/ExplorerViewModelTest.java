package dev.loupe.app.gui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.FakeInsight;
import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.app.gui.gallery.GalleryImage;
import dev.loupe.app.gui.gallery.GalleryViewModel;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.ClassPalette;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's model on a real workspace of ten images and a scripted map: image i sits at
 * (i % 5, i / 5) in cluster i / 5. Images 0-5 have a person, 6 and 7 a car, 8 a person, a car and a
 * dog (its rarest class: dog), 9 nothing; 0-6 are in train, 7-8 in val, 9 in test. Tasks run in line.
 */
class ExplorerViewModelTest {
  private static final int N = 10;

  @TempDir Path dir;
  private Workspace ws;
  private Dataset dataset;
  private FakeInsight insight;
  private ExplorerViewModel model;
  private final List<LabelingRequest> opened = new ArrayList<>();

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    dataset = ws.datasets().create(NewDataset.of("map", Task.DETECT, TestWorkspaces.CLASSES));
    List<NewImage> images = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      List<Label> labels = i <= 5 ? List.of(box(0)) : i <= 7 ? List.of(box(1))
          : i == 8 ? List.of(box(0), box(1), box(2)) : List.of();
      Split split = i <= 6 ? Split.TRAIN : i <= 8 ? Split.VAL : Split.TEST;
      images.add(new NewImage(hash(i), "img_" + i + ".jpg", 640, 480, 1000, split, labels, null, null, null));
    }
    ws.images().add(dataset.id(), images);
    dataset = ws.datasets().require(dataset.id());
    insight = new FakeInsight();
    BackgroundTasks tasks = new BackgroundTasks(Runnable::run, System::nanoTime);
    model = Fx.call(() -> new ExplorerViewModel(ws, () -> insight, tasks, new ClassColorStore(ws.root())));
    model.setOnOpen(opened::add);
  }

  @AfterEach
  void close() {
    ws.close();
  }

  /** Runs {@code action} on the FX thread, then lets the tasks it ran in line report (their ends are posted). */
  private static void fx(Runnable action) {
    Fx.run(action);
    Fx.run(() -> {});
  }

  private static BoxLabel box(int classId) {
    return new BoxLabel(classId, 0.5, 0.5, 0.2, 0.2);
  }

  private static String hash(int i) {
    return TestWorkspaces.hash(i);
  }

  /** The map's points, and one of an image deleted since. */
  private List<MapPoint> layout() {
    List<MapPoint> points = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      points.add(new MapPoint(hash(i), "img_" + i + ".jpg", i % 5, i / 5, i / 5, Split.TRAIN, 0));
    }
    points.add(new MapPoint(TestWorkspaces.hash(999), "gone.jpg", 10, 10, 2, Split.TRAIN, 0));
    return points;
  }

  private void openWithStoredMap() {
    insight.stored.put(dataset.id(), FakeInsight.map(dataset.id(), layout()));
    fx(() -> model.open(dataset));
  }

  private static List<Integer> indices(BitSet set) {
    return set.stream().boxed().toList();
  }

  @Test
  void theStoredMapIsShownWithoutMakingOneAndDeletedImagesAreLeftOut() {
    openWithStoredMap();
    MapPoints points = model.pointsProperty().get();
    assertThat(points.size()).isEqualTo(N);
    assertThat(points.hash(3)).isEqualTo(hash(3));
    assertThat(points.x(7)).isEqualTo(2f);
    assertThat(points.y(7)).isEqualTo(1f);
    assertThat(insight.storedMapModels).containsExactly("builtin");
    assertThat(insight.mapCalls).isEmpty();
    assertThat(model.summaryProperty().get()).isEqualTo("10 images on the map");
    assertThat(model.loadingProperty().get()).isFalse();
    assertThat(model.messageProperty().get()).isNull();
  }

  @Test
  void withoutAStoredMapOneIsMadeWithSeedZeroAndTheBuiltInDescriptor() {
    insight.made = layout();
    fx(() -> model.open(dataset));
    assertThat(insight.mapCalls).hasSize(1);
    assertThat(insight.mapCalls.get(0).layout().seed()).isEqualTo(0);
    assertThat(insight.mapCalls.get(0).embed().modelId()).isNull();
    assertThat(model.pointsProperty().get().size()).isEqualTo(N);
    fx(() -> model.open(dataset)); // the same dataset again: nothing is read
    assertThat(insight.mapCalls).hasSize(1);
  }

  @Test
  void aMapThatCannotBeMadeSaysWhy() {
    insight.made = null;
    fx(() -> model.open(dataset));
    assertThat(model.pointsProperty().get()).isNull();
    assertThat(model.messageProperty().get()).isEqualTo("No map: the dataset has fewer images than neighbours");
  }

  @Test
  void pointsAreColouredByTheirImagesRarestClass() {
    openWithStoredMap();
    assertThat(model.legend()).extracting(LegendEntry::name, LegendEntry::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("person", 6), org.assertj.core.groups.Tuple.tuple("car", 2),
            org.assertj.core.groups.Tuple.tuple("dog", 1), org.assertj.core.groups.Tuple.tuple("no labels", 1));
    int[] argb = model.coloringProperty().get().argb();
    assertThat(argb[8]).isEqualTo(PointColors.argb(ClassPalette.defaultColor(2)));
    assertThat(argb[0]).isEqualTo(PointColors.argb(ClassPalette.defaultColor(0)));
    assertThat(argb[9]).isEqualTo(PointColors.NONE);
    assertThat(model.pointsProperty().get().rarestClass(8)).isEqualTo(2);
  }

  @Test
  void splitClusterAndLabelCountModesHaveTheirLegends() {
    openWithStoredMap();
    fx(() -> model.colorModeProperty().set(ColorMode.SPLIT));
    assertThat(model.legend()).extracting(LegendEntry::name, LegendEntry::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("train", 7), org.assertj.core.groups.Tuple.tuple("val", 2),
            org.assertj.core.groups.Tuple.tuple("test", 1));
    assertThat(model.coloringProperty().get().argb()[9]).isEqualTo(PointColors.SPLITS[Split.TEST.ordinal()]);
    fx(() -> model.colorModeProperty().set(ColorMode.CLUSTER));
    assertThat(model.legend()).extracting(LegendEntry::name, LegendEntry::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("cluster 1", 5),
            org.assertj.core.groups.Tuple.tuple("cluster 2", 5));
    fx(() -> model.colorModeProperty().set(ColorMode.LABEL_COUNT));
    assertThat(model.legend()).extracting(LegendEntry::name, LegendEntry::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("0 labels", 1),
            org.assertj.core.groups.Tuple.tuple("1 label", 8), org.assertj.core.groups.Tuple.tuple("2–3 labels", 1));
  }

  @Test
  void aRectangleSelectsThePointsInsideAndFillsTheGallery() {
    openWithStoredMap();
    fx(() -> model.selectRectangle(1.5, 1.5, -0.5, -0.5, false));
    assertThat(indices(model.selectionProperty().get())).containsExactly(0, 1, 5, 6);
    assertThat(model.selectedCountProperty().get()).isEqualTo(4);
    assertThat(model.gallery().images()).extracting(GalleryImage::hash)
        .containsExactly(hash(0), hash(1), hash(5), hash(6));
    assertThat(model.gallery().titleProperty().get()).isEqualTo("4 images selected");
    fx(() -> model.selectRectangle(3.9, -0.1, 4.1, 0.1, true)); // added
    assertThat(indices(model.selectionProperty().get())).containsExactly(0, 1, 4, 5, 6);
    fx(() -> model.selectRectangle(3.9, -0.1, 4.1, 0.1, false)); // replaced
    assertThat(indices(model.selectionProperty().get())).containsExactly(4);
    fx(model::clearSelection);
    assertThat(model.gallery().images()).isEmpty();
  }

  @Test
  void aLassoSelectsThePointsInsideItsPolygon() {
    openWithStoredMap();
    // a triangle whose long side cuts row 0 after x = 3 and row 1 before x = 1
    fx(() -> model.selectPolygon(new double[] {-0.5, 4.5, -0.5}, new double[] {-0.5, -0.5, 1.5}, false));
    assertThat(indices(model.selectionProperty().get())).containsExactly(0, 1, 2, 3, 5);
  }

  @Test
  void theHitTestFindsTheNearestPointWithinTheRadius() {
    openWithStoredMap();
    assertThat(model.hitTest(1.1, 0.05, 0.3)).isEqualTo(1);
    assertThat(model.hitTest(3.8, 1.1, 0.3)).isEqualTo(9);
    assertThat(model.hitTest(2.5, 0.5, 0.3)).isEqualTo(-1);
    assertThat(model.hitTest(2.5, 0.5, 0.8)).isIn(2, 3, 7, 8);
  }

  @Test
  void theGalleryMovesUndoesAndDeletesAndTheMapFollows() {
    openWithStoredMap();
    GalleryViewModel gallery = model.gallery();
    fx(() -> model.selectRectangle(-0.5, -0.5, 3.5, 0.5, false)); // 0, 1, 2, 3: all train
    fx(() -> gallery.moveTo(Split.TEST));
    for (int i = 0; i < 4; i++) {
      assertThat(ws.images().require(dataset.id(), hash(i)).split()).isEqualTo(Split.TEST);
      assertThat(model.pointsProperty().get().split(i)).isEqualTo(Split.TEST);
    }
    assertThat(gallery.images()).extracting(GalleryImage::split).containsOnly(Split.TEST);
    assertThat(gallery.canUndoProperty().get()).isTrue();
    assertThat(gallery.undoTextProperty().get()).isEqualTo("Undo move to test");
    fx(gallery::undo);
    for (int i = 0; i < 4; i++) {
      assertThat(ws.images().require(dataset.id(), hash(i)).split()).isEqualTo(Split.TRAIN);
    }
    assertThat(gallery.canUndoProperty().get()).isFalse();

    fx(() -> gallery.open(2));
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).hashes()).containsExactly(hash(0), hash(1), hash(2), hash(3));
    assertThat(opened.get(0).index()).isEqualTo(2);

    fx(() -> model.selectRectangle(-0.5, -0.5, 1.5, 0.5, false)); // 0, 1
    fx(gallery::delete);
    assertThat(ws.images().find(dataset.id(), hash(0))).isEmpty();
    assertThat(ws.images().find(dataset.id(), hash(1))).isEmpty();
    assertThat(model.pointsProperty().get().size()).isEqualTo(N - 2);
    assertThat(model.selectedCountProperty().get()).isZero();
    assertThat(model.hitTest(0, 0, 0.3)).isEqualTo(-1);
  }
}
