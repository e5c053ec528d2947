package dev.loupe.app.gui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.grid.ImageSetFilter;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.HeatmapCell;
import dev.loupe.core.workspace.HeatmapCellScan;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics view's model on a real workspace; its reads run in line on the FX thread. */
class StatisticsViewModelTest {
  private static final int N = 500;

  @TempDir Path dir;
  private Workspace ws;
  private Dataset dataset;
  private BackgroundTasks tasks;
  private final AtomicInteger reads = new AtomicInteger();
  private StatisticsViewModel model;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    dataset = TestWorkspaces.synthetic(ws, "stats", N);
    tasks = new BackgroundTasks(Runnable::run, System::nanoTime);
    StatisticsSource counted = id -> {
      reads.incrementAndGet();
      return StatisticsSource.of(ws).read(id);
    };
    model = Fx.call(() -> new StatisticsViewModel(ws, tasks, counted));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private void show() {
    Fx.run(() -> {
      model.open(dataset);
      model.setActive(true);
    });
  }

  @Test
  void theNumbersAreCoresClassStatsAndTheSplitCounts() {
    show();
    ClassStats core = ws.classStats().get(dataset.id());
    StatisticsData shown = Fx.call(() -> model.dataProperty().get());
    assertThat(shown.stats().classes()).isEqualTo(core.classes());
    assertThat(shown.stats().imageStats()).isEqualTo(core.imageStats());
    assertThat(shown.stats().classNames()).isEqualTo(core.classNames());
    assertThat(shown.stats().locationHeatmap().bins()).isDeepEqualTo(core.locationHeatmap().bins());
    assertThat(shown.stats().dimensionHeatmap().bins()).isDeepEqualTo(core.dimensionHeatmap().bins());
    assertThat(shown.splits()).isEqualTo(ws.images().splitCounts(dataset.id()));
    // synthetic: images i % 5 != 0 hold one box of class i % 4
    List<ClassBar> bars = Fx.call(() -> model.classBarsProperty().get());
    assertThat(bars).extracting(ClassBar::instances).containsExactlyInAnyOrder(100L, 100L, 100L, 100L);
    for (ClassBar bar : bars) {
      ClassStats.ClassCount c = core.classes().get(bar.classId());
      assertThat(bar.instances()).isEqualTo(c.count());
      assertThat(bar.images()).isEqualTo(c.imageCount());
      assertThat(bar.name()).isEqualTo(TestWorkspaces.CLASSES.get(bar.classId()));
    }
    assertThat(Fx.call(() -> model.summaryProperty().get())).isEqualTo("500 images · 400 instances · 4 classes");
    assertThat(Fx.call(() -> model.sampledNoticeProperty().get())).isEmpty();
    assertThat(Fx.call(() -> model.loadingProperty().get())).isFalse();
  }

  @Test
  void nothingIsReadWhileTheViewIsNotShown() {
    Fx.run(() -> model.open(dataset));
    assertThat(reads.get()).isZero();
    assertThat(Fx.call(() -> model.dataProperty().get())).isNull();
    Fx.run(() -> model.setActive(true));
    assertThat(reads.get()).isEqualTo(1);
  }

  @Test
  void classesSortByCountOrByName() {
    // class 2 (dog) gets two more boxes: most instances
    ws.labels().put(dataset.id(), TestWorkspaces.hash(2), List.of(
        new BoxLabel(2, 0.5, 0.5, 0.1, 0.1), new BoxLabel(2, 0.2, 0.2, 0.1, 0.1), new BoxLabel(2, 0.7, 0.7, 0.1, 0.1)));
    show();
    assertThat(Fx.call(() -> model.classBarsProperty().get())).extracting(ClassBar::name)
        .containsExactly("dog", "person", "car", "cat");
    Fx.run(() -> model.orderProperty().set(ClassOrder.NAME));
    assertThat(Fx.call(() -> model.classBarsProperty().get())).extracting(ClassBar::name)
        .containsExactly("car", "cat", "dog", "person");
    assertThat(reads.get()).as("sorting reads nothing again").isEqualTo(1);
  }

  @Test
  void theLogScaleToggleChangesTheScaleNotTheNumbers() {
    show();
    List<ClassBar> before = Fx.call(() -> model.classBarsProperty().get());
    Fx.run(() -> model.logScaleProperty().set(true));
    assertThat(Fx.call(() -> model.classBarsProperty().get())).isEqualTo(before);
    assertThat(reads.get()).isEqualTo(1);
    assertThat(ChartCanvas.scaled(10, 1000, false)).isEqualTo(0.01);
    assertThat(ChartCanvas.scaled(10, 1000, true)).isCloseTo(Math.log(11) / Math.log(1001), within());
    assertThat(ChartCanvas.scaled(0, 1000, true)).isZero();
    assertThat(ChartCanvas.scaled(1000, 1000, true)).isEqualTo(1.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-12);
  }

  @Test
  void aSampledResultShowsTheNotice() {
    ClassStats exact = ws.classStats().get(dataset.id());
    ClassStats sampled = new ClassStats(exact.classes(), exact.imageStats(), exact.locationHeatmap(),
        exact.dimensionHeatmap(), exact.classNames(), true, true, 200);
    StatisticsViewModel m = Fx.call(() -> new StatisticsViewModel(ws, tasks,
        id -> new StatisticsData(sampled, ws.images().splitCounts(id), 0)));
    Fx.run(() -> {
      m.open(dataset);
      m.setActive(true);
    });
    assertThat(Fx.call(() -> m.sampledNoticeProperty().get())).isEqualTo("Sampled: computed over 200 of 500 images");
  }

  @Test
  void aLabelEditIsShownAtTheNextCheckAndNoChangeReadsNothing() {
    show();
    Fx.run(model::refreshIfChanged);
    assertThat(reads.get()).as("nothing changed").isEqualTo(1);

    // image 0 was unlabeled: two cats now
    ws.labels().put(dataset.id(), TestWorkspaces.hash(0), List.of(
        new BoxLabel(3, 0.5, 0.5, 0.1, 0.1), new BoxLabel(3, 0.1, 0.1, 0.1, 0.1)));
    Fx.run(model::refreshIfChanged);
    assertThat(reads.get()).isEqualTo(2);
    ClassBar cat = Fx.call(() -> model.classBarsProperty().get()).stream()
        .filter(b -> b.name().equals("cat")).findFirst().orElseThrow();
    assertThat(cat.instances()).isEqualTo(102);
    assertThat(cat.images()).isEqualTo(101);
    assertThat(cat.instances()).isEqualTo(ws.classStats().get(dataset.id()).classes().get(3).count());
    assertThat(Fx.call(() -> model.summaryProperty().get())).isEqualTo("500 images · 402 instances · 4 classes");

    Fx.run(() -> model.setActive(false));
    ws.labels().put(dataset.id(), TestWorkspaces.hash(0), List.of());
    Fx.run(model::refreshIfChanged);
    assertThat(reads.get()).as("not shown: not read").isEqualTo(2);
    Fx.run(() -> model.setActive(true));
    assertThat(reads.get()).isEqualTo(3);
  }

  @Test
  void aClassClickAndACellClickHandOnWhatToShow() {
    show();
    List<Integer> classes = new ArrayList<>();
    List<ImageSetFilter> sets = new ArrayList<>();
    Fx.run(() -> {
      model.setOnShowClass(classes::add);
      model.setOnShowImages(sets::add);
      model.showClass(2);
    });
    assertThat(classes).containsExactly(2);

    // every box is centred at (0.5, 0.5): location cell row 10, column 10
    HeatmapCell centre = new HeatmapCell(HeatmapCell.Heatmap.LOCATION, 10, 10);
    Fx.run(() -> model.showCell(centre));
    assertThat(Fx.call(() -> tasks.errorProperty().get())).isNull();
    assertThat(sets).hasSize(1);
    assertThat(sets.get(0).name()).isEqualTo("Centres x 0.50–0.55, y 0.50–0.55");
    assertThat(sets.get(0).hashes())
        .isEqualTo(new HeatmapCellScan(ws).scan(dataset.id(), centre, TaskMonitor.NONE).hashes())
        .hasSize(400);
    long[][] bins = Fx.call(() -> model.dataProperty().get()).stats().locationHeatmap().bins();
    assertThat(Arrays.stream(bins).flatMapToLong(Arrays::stream).sum()).isEqualTo(bins[10][10]);
  }
}
