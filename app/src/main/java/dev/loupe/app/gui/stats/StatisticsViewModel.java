package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.grid.ImageSetFilter;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.workspace.CellImages;
import dev.loupe.core.workspace.HeatmapCell;
import dev.loupe.core.workspace.HeatmapCellScan;
import dev.loupe.core.workspace.SplitCount;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The statistics view's state: the shown dataset's class statistics and split counts (read in the
 * background, see {@link StatisticsSource}), the class distribution in the chosen order, the log
 * scale, and the "sampled" notice. The numbers are read again whenever the dataset's revision moved
 * ({@link #refreshIfChanged}), so an edit never leaves them stale. Clicking a class or a heatmap
 * cell asks the main window to show those images in the grid.
 */
public final class StatisticsViewModel {
  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final StatisticsSource source;

  private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<StatisticsData> data = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<ClassBar>> classBars = new ReadOnlyObjectWrapper<>(List.of());
  private final BooleanProperty logScale = new SimpleBooleanProperty();
  private final ObjectProperty<ClassOrder> order = new SimpleObjectProperty<>(ClassOrder.COUNT);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper sampledNotice = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private IntConsumer onShowClass = id -> {};
  private Consumer<ImageSetFilter> onShowImages = f -> {};

  /** Bumped by every read started; a read's result is shown only if none started after it. */
  private long generation;
  /** The revision the read in flight started at, or -1 when none is in flight. */
  private long readingRevision = -1;
  private boolean active;

  public StatisticsViewModel(Workspace workspace, BackgroundTasks tasks) {
    this(workspace, tasks, StatisticsSource.of(workspace));
  }

  public StatisticsViewModel(Workspace workspace, BackgroundTasks tasks, StatisticsSource source) {
    this.workspace = workspace;
    this.tasks = tasks;
    this.source = source;
    order.addListener(x -> updateBars());
  }

  /** Shows {@code value}'s statistics (null: none), read in the background while the view is active. */
  public void open(Dataset value) {
    dataset.set(value);
    data.set(null);
    updateBars();
    generation++; // a read of the previous dataset still on its way is not shown
    readingRevision = -1;
    loading.set(false);
    if (active) {
      refresh();
    }
  }

  /**
   * Whether the view is on screen. The statistics are read only while it is: becoming active reads
   * them if the dataset changed since (or they were never read).
   */
  public void setActive(boolean value) {
    active = value;
    refreshIfChanged();
  }

  /** Reads the statistics again. */
  public void refresh() {
    Dataset d = dataset.get();
    long mine = ++generation;
    if (d == null) {
      loading.set(false);
      readingRevision = -1;
      return;
    }
    readingRevision = currentRevision(d);
    loading.set(true);
    tasks.submit(
        Messages.text("stats.task"),
        monitor -> {
          monitor.progress(-1, -1, Messages.text("stats.task.reading", d.name()));
          return source.read(d.id());
        },
        result -> {
          if (mine == generation) {
            data.set(result);
            updateBars();
          }
        },
        () -> {
          if (mine == generation) {
            loading.set(false);
            readingRevision = -1;
          }
        });
  }

  /**
   * Reads the statistics again if the dataset changed since they were read (its revision moved) and
   * no read of this revision is on its way; nothing while the view is not active. Cheap: one row is
   * read when nothing changed.
   */
  public void refreshIfChanged() {
    Dataset d = dataset.get();
    if (d == null || !active) {
      return;
    }
    long now = currentRevision(d);
    StatisticsData shown = data.get();
    boolean current = readingRevision >= 0 ? readingRevision == now : shown != null && shown.revision() == now;
    if (!current) {
      refresh();
    }
  }

  private long currentRevision(Dataset d) {
    return workspace.datasets().find(d.id()).map(Dataset::revision).orElse(d.revision());
  }

  private void updateBars() {
    StatisticsData shown = data.get();
    if (shown == null) {
      classBars.set(List.of());
      sampledNotice.set("");
      summary.set("");
      return;
    }
    ClassStats stats = shown.stats();
    List<ClassBar> bars = new ArrayList<>();
    long instances = 0;
    for (ClassStats.ClassCount c : stats.classes()) {
      String name = c.classId() < stats.classNames().size() ? stats.classNames().get(c.classId()) 
          : Messages.text("grid.unnamedClass", c.classId());
      bars.add(new ClassBar(c.classId(), name, c.count(), c.imageCount()));
      instances += c.count();
    }
    bars.sort(order.get().comparator());
    classBars.set(List.copyOf(bars));
    long images = 0;
    for (SplitCount s : shown.splits()) {
      images += s.images();
    }
    summary.set(Messages.text("stats.summary", Messages.text("stats.summary.images", images),
        Messages.text("stats.summary.instances", instances), Messages.text("stats.summary.classes", bars.size())));
    sampledNotice.set(stats.sampled()
        ? Messages.text("stats.sampled", stats.sampleSize(), String.format("%,d", images))
        : "");
  }

  /** Shows the images holding a label of {@code classId} in the grid. */
  public void showClass(int classId) {
    onShowClass.accept(classId);
  }

  /**
   * Finds the images with a label in {@code cell} (a scan of every label, in the background) and
   * then shows them in the grid.
   */
  public void showCell(HeatmapCell cell) {
    Dataset d = dataset.get();
    if (d == null) {
      return;
    }
    String name = CellNames.of(cell);
    tasks.submit(
        Messages.text("stats.task.finding"),
        monitor -> new HeatmapCellScan(workspace).scan(d.id(), cell, monitor),
        (CellImages found) -> {
          if (d.equals(dataset.get())) {
            onShowImages.accept(new ImageSetFilter(name, found.hashes()));
          }
        });
  }

  /** Where a class click goes (the main window filters the grid by the class). */
  public void setOnShowClass(IntConsumer value) {
    onShowClass = value;
  }

  /** Where a heatmap cell's images go (the main window filters the grid to them). */
  public void setOnShowImages(Consumer<ImageSetFilter> value) {
    onShowImages = value;
  }

  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return dataset.getReadOnlyProperty();
  }

  /** The numbers shown, or null before the first read finished. */
  public ReadOnlyObjectProperty<StatisticsData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  /** The class distribution in the chosen order. */
  public ReadOnlyObjectProperty<List<ClassBar>> classBarsProperty() {
    return classBars.getReadOnlyProperty();
  }

  /** Bars and heatmap colours on a logarithmic scale. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  public ObjectProperty<ClassOrder> orderProperty() {
    return order;
  }

  /** True while the statistics are being read. */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** "Sampled: computed over N of M images" where core sampled; empty otherwise. */
  public ReadOnlyStringProperty sampledNoticeProperty() {
    return sampledNotice.getReadOnlyProperty();
  }

  /** "1,204 images · 5,310 instances · 4 classes". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
