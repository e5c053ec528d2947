package dev.loupe.app.gui.explorer;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.app.gui.gallery.GalleryImage;
import dev.loupe.app.gui.gallery.GalleryViewModel;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.app.gui.tasks.RunningTask;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.DatasetInsight;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.MapOptions;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.ClassPalette;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The explorer's state: the map of the shown dataset (the stored one, else made in the background),
 * the points' colours and legend for the chosen {@link ColorMode}, the selection made with a
 * rectangle or a lasso, and the gallery of the selected images. Map coordinates throughout; the view
 * turns pointer positions into them.
 */
public final class ExplorerViewModel {
  /** The embedding model the explorer's map uses. */
  public static final String MODEL = "builtin";
  /** The layout seed: the same dataset gives the same map. */
  public static final long SEED = 0;

  private final Workspace workspace;
  private final Supplier<DatasetInsight> insight;
  private final BackgroundTasks tasks;
  private final ClassColorStore colors;
  private final GalleryViewModel gallery;

  private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<MapPoints> points = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<ColorMode> colorMode = new SimpleObjectProperty<>(ColorMode.CLASS);
  private final ReadOnlyObjectWrapper<Coloring> coloring = new ReadOnlyObjectWrapper<>();
  private final ObservableList<LegendEntry> legend = FXCollections.observableArrayList();
  /** One read-only view, kept: a listener added to a fresh wrapper dies with the wrapper when it is collected. */
  private final ObservableList<LegendEntry> legendView = FXCollections.unmodifiableObservableList(legend);
  private final ReadOnlyObjectWrapper<BitSet> selection = new ReadOnlyObjectWrapper<>(new BitSet());
  private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private PointIndex index;
  private ClassPalette palette = new ClassPalette();
  private RunningTask<?> loadingTask;
  /** The load whose result is still wanted. */
  private Object loadToken;
  private boolean stale;
  private Runnable onChanged = () -> {};

  /**
   * @param insight the workspace's embeddings and maps (asked for when a map is needed)
   * @param colors the class colours users picked
   */
  public ExplorerViewModel(
      Workspace workspace, Supplier<DatasetInsight> insight, BackgroundTasks tasks, ClassColorStore colors) {
    this.workspace = workspace;
    this.insight = insight;
    this.tasks = tasks;
    this.colors = colors;
    this.gallery = new GalleryViewModel(workspace, tasks);
    colorMode.addListener(x -> recolor());
    gallery.setListener(
        new GalleryViewModel.Listener() {
          @Override
          public void moved(List<String> hashes, Split split) {
            MapPoints p = points.get();
            if (p != null) {
              setPoints(p.withSplit(p.indicesOf(hashes), split), false);
            }
            onChanged.run();
          }

          @Override
          public void deleted(List<String> hashes) {
            MapPoints p = points.get();
            if (p != null) {
              setPoints(p.without(p.indicesOf(hashes)), true);
            }
            onChanged.run();
          }
        });
  }

  /** Shows {@code value}'s map (null: none): the stored one, else one made now, in the background. */
  public void open(Dataset value) {
    Dataset shown = dataset.get();
    if (value != null && shown != null && value.id().equals(shown.id()) && !stale
        && (points.get() != null || loading.get())) {
      dataset.set(value);
      return;
    }
    load(value, false);
  }

  /** Makes the map again (after images were added), in the background. */
  public void remap() {
    if (dataset.get() != null) {
      load(dataset.get(), true);
    }
  }

  /** Marks the map as out of date, so the next {@link #open} reads it again (the dataset changed elsewhere). */
  public void invalidate() {
    stale = true;
  }

  /** Told after the gallery moved or deleted images (the grid refreshes). */
  public void setOnChanged(Runnable value) {
    onChanged = value;
  }

  private void load(Dataset d, boolean remap) {
    stopLoading();
    stale = false;
    dataset.set(d);
    points.set(null);
    index = null;
    coloring.set(null);
    legend.clear();
    setSelection(new BitSet());
    if (d == null) {
      loading.set(false);
      message.set(null);
      summary.set("");
      return;
    }
    palette = colors.palette(d.id());
    loading.set(true);
    message.set(Messages.text(remap ? "explorer.making" : "explorer.opening"));
    String id = d.id();
    Object token = new Object();
    loadToken = token;
    String[] failure = new String[1];
    RunningTask<?> task = tasks.submit(Messages.text("explorer.task", d.name()), m -> {
      try {
        return read(id, remap, m);
      } catch (dev.loupe.core.task.CancelledException e) {
        throw e;
      } catch (RuntimeException e) {
        failure[0] = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        throw e;
      }
    }, loaded -> {
      if (loadToken == token) {
        setPoints(loaded, true);
        message.set(loaded.size() == 0 ? Messages.text("explorer.noImages") : null);
      }
    }, () -> {
      if (loadToken == token) {
        loading.set(false);
        loadingTask = null;
        if (points.get() == null) {
          message.set(failure[0] != null ? Messages.text("explorer.failed", failure[0])
              : Messages.text("explorer.cancelled"));
        }
      }
    });
    if (loadToken == token && loading.get()) {
      loadingTask = task;
    }
  }

  private void stopLoading() {
    if (loadingTask != null) {
      loadingTask.cancel();
      loadingTask = null;
    }
    loadToken = null;
  }

  private MapPoints read(String datasetId, boolean remap, TaskMonitor monitor) {
    DatasetInsight source = insight.get();
    DatasetMap map = remap ? null : source.storedMap(datasetId, MODEL).orElse(null);
    if (map == null) {
      map = source.map(datasetId, MapOptions.defaults(SEED), monitor);
    }
    Map<String, ImageFacts.Fact> facts = ImageFacts.read(workspace, datasetId, monitor);
    return MapPoints.of(map, facts);
  }

  /** Shows {@code value} as the map of {@code d} (the benchmark's generated points; loads do the same). */
  public void show(Dataset d, MapPoints value) {
    stopLoading();
    dataset.set(d);
    palette = colors.palette(d.id());
    loading.set(false);
    message.set(null);
    setPoints(value, true);
  }

  private void setPoints(MapPoints value, boolean clearSelection) {
    points.set(value);
    index = new PointIndex(value.xs(), value.ys());
    if (clearSelection) {
      setSelection(new BitSet());
    } else {
      updateGallery();
    }
    recolor();
    summary.set(Messages.text("explorer.summary", value.size()));
  }

  private void recolor() {
    MapPoints p = points.get();
    Dataset d = dataset.get();
    if (p == null || d == null) {
      return;
    }
    Coloring c = PointColors.of(p, colorMode.get(), d.classNames(), palette::colorOf);
    coloring.set(c);
    legend.setAll(c.legend());
  }

  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return dataset.getReadOnlyProperty();
  }

  /** The points on the map; null while none are loaded. */
  public ReadOnlyObjectProperty<MapPoints> pointsProperty() {
    return points.getReadOnlyProperty();
  }

  public ObjectProperty<ColorMode> colorModeProperty() {
    return colorMode;
  }

  /** The points' colours for the mode; replaced (never changed in place) when they change. */
  public ReadOnlyObjectProperty<Coloring> coloringProperty() {
    return coloring.getReadOnlyProperty();
  }

  public ObservableList<LegendEntry> legend() {
    return legendView;
  }

  /** The selected points (a copy is made on every change; do not change it). */
  public ReadOnlyObjectProperty<BitSet> selectionProperty() {
    return selection.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty selectedCountProperty() {
    return selectedCount.getReadOnlyProperty();
  }

  /** True while the map is read or made. */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** What the view says instead of a map ("Making the map…", why there is none), or null. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** "1,204 images on the map". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public GalleryViewModel gallery() {
    return gallery;
  }

  /** Where the gallery's Open goes (the main window opens the labeling area). */
  public void setOnOpen(java.util.function.Consumer<LabelingRequest> value) {
    gallery.setOnOpen(value);
  }

  /** The point nearest to map position (x, y) within {@code radius} map units, or -1. */
  public int hitTest(double x, double y, double radius) {
    return index == null ? -1 : index.nearest(x, y, radius);
  }

  /** Selects the points in the rectangle of map corners (x0, y0), (x1, y1); {@code add}: to those selected. */
  public void selectRectangle(double x0, double y0, double x1, double y1, boolean add) {
    if (index != null) {
      select(index.inRectangle(x0, y0, x1, y1), add);
    }
  }

  /** Selects the points inside the lasso of map vertices ({@code xs[k]}, {@code ys[k]}). */
  public void selectPolygon(double[] xs, double[] ys, boolean add) {
    if (index != null) {
      select(index.inPolygon(xs, ys), add);
    }
  }

  /** Selects the one point {@code i} (a click), or adds it. */
  public void selectPoint(int i, boolean add) {
    BitSet one = new BitSet();
    if (i >= 0) {
      one.set(i);
    }
    select(one, add);
  }

  public void clearSelection() {
    setSelection(new BitSet());
  }

  private void select(BitSet found, boolean add) {
    BitSet next = add ? (BitSet) selection.get().clone() : new BitSet();
    next.or(found);
    setSelection(next);
  }

  private void setSelection(BitSet value) {
    selection.set(value);
    selectedCount.set(value.cardinality());
    updateGallery();
  }

  private void updateGallery() {
    MapPoints p = points.get();
    BitSet s = selection.get();
    List<GalleryImage> images = new ArrayList<>(s.cardinality());
    if (p != null) {
      for (int i = s.nextSetBit(0); i >= 0 && i < p.size(); i = s.nextSetBit(i + 1)) {
        images.add(new GalleryImage(p.hash(i), p.filename(i), p.split(i)));
      }
    }
    gallery.show(dataset.get(), images);
  }

  /**
   * Opens the labeling area on point {@code i}: stepping through the selection when the point is in
   * it, else on the point alone (which becomes the selection).
   */
  public void openPoint(int i) {
    MapPoints p = points.get();
    if (p == null || i < 0 || i >= p.size()) {
      return;
    }
    List<GalleryImage> shown = gallery.images();
    for (int k = 0; k < shown.size(); k++) {
      if (shown.get(k).hash().equals(p.hash(i))) {
        gallery.open(k);
        return;
      }
    }
    selectPoint(i, false);
    gallery.open(0);
  }
}
