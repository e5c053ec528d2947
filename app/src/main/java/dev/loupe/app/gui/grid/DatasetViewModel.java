package dev.loupe.app.gui.grid;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The dataset view's state and behaviour: the filters, sort and search of the images API, the
 * images that match (fetched a page at a time, see {@link ImagePages}), the selection, and the bulk
 * actions on it. Every query change starts a fresh set of pages; the grid asks for records by
 * position and repaints when {@link #pagesVersionProperty()} moves.
 */
public final class DatasetViewModel {
  static final int MAX_PAGES = 64;
  /** Records per fetch and images per write when a bulk action resolves and changes the selection. */
  static final int BULK_CHUNK = 5000;

  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final Executor background;
  private final Executor fx;

  private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<ImageSort> sort = new SimpleObjectProperty<>(ImageSort.NEWEST);
  private final ObjectProperty<Split> split = new SimpleObjectProperty<>();
  private final ObjectProperty<Boolean> hasLabel = new SimpleObjectProperty<>();
  private final ObjectProperty<Boolean> hasError = new SimpleObjectProperty<>();
  private final StringProperty search = new SimpleStringProperty("");
  private final ObservableSet<Integer> classIds = FXCollections.observableSet();
  private final ObjectProperty<ImageSetFilter> imageSet = new SimpleObjectProperty<>();

  private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(0);
  private final ReadOnlyIntegerWrapper pagesVersion = new ReadOnlyIntegerWrapper();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final javafx.beans.property.ReadOnlyBooleanWrapper loading = new javafx.beans.property.ReadOnlyBooleanWrapper();
  private final ImageSelection selection = new ImageSelection();
  private Consumer<LabelingRequest> onOpen = r -> {};
  private Runnable onChanged = () -> {};
  private Consumer<dev.loupe.app.gui.similar.SimilarRequest> onFindSimilar = r -> {};

  private ImagePages pages;
  private ImageQuery pagesQuery;
  /** True while several filters change at once (one reload after them, not one each). */
  private boolean settingFilters;

  public DatasetViewModel(Workspace workspace, BackgroundTasks tasks, Executor background, Executor fx) {
    this.workspace = workspace;
    this.tasks = tasks;
    this.background = background;
    this.fx = fx;
    for (Observable o : List.of(sort, split, hasLabel, hasError, search, classIds, imageSet)) {
      o.addListener(x -> {
        if (!settingFilters) {
          reload(false);
        }
      });
    }
    selection.countProperty().addListener(x -> updateSummary());
    total.addListener(x -> updateSummary());
  }

  /** Shows {@code value}'s images (null shows none); class and image-set filters of the previous dataset go. */
  public void open(Dataset value) {
    dataset.set(value);
    classIds.clear(); // reloads
    imageSet.set(null);
    reload(false);
  }

  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return dataset.getReadOnlyProperty();
  }

  public Dataset dataset() {
    return dataset.get();
  }

  public ObjectProperty<ImageSort> sortProperty() {
    return sort;
  }

  public ObjectProperty<Split> splitProperty() {
    return split;
  }

  /** True: labeled images only; false: unlabeled only; null: both. */
  public ObjectProperty<Boolean> hasLabelProperty() {
    return hasLabel;
  }

  public ObjectProperty<Boolean> hasErrorProperty() {
    return hasError;
  }

  public StringProperty searchProperty() {
    return search;
  }

  /** Images with a label of any of these classes; empty: any. */
  public ObservableSet<Integer> classIds() {
    return classIds;
  }

  /** Only the images of a set (a heatmap cell's); null: any. */
  public ObjectProperty<ImageSetFilter> imageSetProperty() {
    return imageSet;
  }

  /** Shows only the images holding a label of {@code classId}: the other filters are cleared. */
  public void showClass(int classId) {
    setFilters(() -> classIds.add(classId));
  }

  /** Shows only the images of {@code filter}: the other filters are cleared. */
  public void showImageSet(ImageSetFilter filter) {
    setFilters(() -> imageSet.set(filter));
  }

  /** Clears the filters, applies {@code change}, and reloads once. */
  private void setFilters(Runnable change) {
    settingFilters = true;
    try {
      split.set(null);
      hasLabel.set(null);
      hasError.set(null);
      search.set("");
      classIds.clear();
      imageSet.set(null);
      change.run();
    } finally {
      settingFilters = false;
    }
    reload(false);
  }

  /** The images query the filters make (first page). */
  public ImageQuery query() {
    ImageSetFilter set = imageSet.get();
    return new ImageQuery(
        sort.get(), split.get(), hasLabel.get(), hasError.get(), search.get(), Set.copyOf(classIds),
        set == null ? null : set.hashes(), 0, ImagePages.PAGE_SIZE, null);
  }

  /** Repaints the tiles on screen (their thumbnails were made), keeping the pages and the selection. */
  public void repaint() {
    pagesVersion.set(pagesVersion.get() + 1);
  }

  /** Fetches the images again (after a change to the dataset); keeps showing the old ones meanwhile. */
  public void refresh() {
    reload(true);
  }

  private void reload(boolean keepShowing) {
    ImagePages old = pages;
    if (old != null) {
      old.close();
    }
    selection.clear();
    Dataset d = dataset.get();
    if (d == null) {
      pages = null;
      loading.set(false);
      total.set(0);
      selection.setSize(0);
      pagesVersion.set(pagesVersion.get() + 1);
      return;
    }
    ImageQuery q = query();
    pagesQuery = q;
    ImagePages.Source source = source(d.id(), q);
    ImagePages fresh =
        new ImagePages(
            source, background, fx, MAX_PAGES,
            new ImagePages.Listener() {
              @Override
              public void pageLoaded(int page) {
                if (pages == null || pagesQuery != q) {
                  return;
                }
                error.set(null);
                loading.set(false);
                total.set(pages.total());
                selection.setSize((int) Math.min(Integer.MAX_VALUE, pages.total()));
                pagesVersion.set(pagesVersion.get() + 1);
              }

              @Override
              public void failed(RuntimeException e) {
                loading.set(false);
                error.set(Messages.text("grid.error.list", String.valueOf(e.getMessage())));
              }
            });
    pages = keepShowing ? fresh.showingMeanwhile(old) : fresh;
    loading.set(!keepShowing);
    pages.request(0);
  }

  private ImagePages.Source source(String datasetId, ImageQuery q) {
    return (offset, limit) -> workspace.images().list(datasetId, q.withPage(offset, limit));
  }

  /** The record at grid position {@code index}, or null while its page is on its way. */
  public ImageRecord record(int index) {
    return pages == null || index < 0 ? null : pages.get(index);
  }

  /** The pages of the current query (how much was fetched: tests and the benchmark look). */
  public ImagePages pages() {
    return pages;
  }

  /** How many images match the filters. */
  public ReadOnlyLongProperty totalProperty() {
    return total.getReadOnlyProperty();
  }

  /** Bumped when a page arrives: the grid repaints the positions it shows. */
  public ReadOnlyIntegerProperty pagesVersionProperty() {
    return pagesVersion.getReadOnlyProperty();
  }

  /** True from a new query until its first page arrived (opening a large dataset reads its index). */
  public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why listing failed, or null. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** "1,204 images · 3 selected". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ImageSelection selection() {
    return selection;
  }

  /** Where double-click and Enter go (the main window opens the labeling area). */
  public void setOnOpen(Consumer<LabelingRequest> value) {
    onOpen = value;
  }

  /** Told after a move or delete changed the dataset (the sidebar refreshes its counts). */
  public void setOnChanged(Runnable value) {
    onChanged = value;
  }

  /** Where "Find similar" on a tile goes (the main window opens the similar images). */
  public void setOnFindSimilar(Consumer<dev.loupe.app.gui.similar.SimilarRequest> value) {
    onFindSimilar = value;
  }

  /** Asks for the images similar to the one at grid position {@code index} (if its record is here). */
  public void findSimilarAt(int index) {
    ImageRecord r = record(index);
    if (r != null && dataset.get() != null) {
      onFindSimilar.accept(new dev.loupe.app.gui.similar.SimilarRequest(dataset.get(), r.hash(), r.filename()));
    }
  }

  /** Opens the labeling area on {@code index}, with this query's order. */
  public void openAt(int index) {
    Dataset d = dataset.get();
    if (d == null || index < 0 || index >= total.get()) {
      return;
    }
    onOpen.accept(
        new LabelingRequest(
            d, new QueryHashes(source(d.id(), pagesQuery), (int) Math.min(Integer.MAX_VALUE, total.get())),
            index));
  }

  /** Opens the focused image (Enter). */
  public void openFocused() {
    openAt(selection.focusProperty().get());
  }

  /** Moves the selected images to {@code target}, in the background; the grid refreshes after. */
  public void moveSelectedTo(Split target) {
    bulk(
        Messages.text("grid.task.move", target.apiName()),
        (hashes, monitor) -> {
          long moved = 0;
          for (int from = 0; from < hashes.size(); from += BULK_CHUNK) {
            monitor.checkCancelled();
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + BULK_CHUNK));
            moved += workspace.images().moveToSplit(dataset.get().id(), chunk, target);
            monitor.progress(from + chunk.size(), hashes.size(), Messages.text("grid.task.moved", moved));
          }
          return moved;
        });
  }

  /** Deletes the selected images (tombstoned, as the images API deletes). */
  public void deleteSelected() {
    bulk(
        Messages.text("grid.task.delete"),
        (hashes, monitor) -> {
          long deleted = 0;
          for (int from = 0; from < hashes.size(); from += BULK_CHUNK) {
            monitor.checkCancelled();
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + BULK_CHUNK));
            deleted += workspace.images().delete(dataset.get().id(), chunk);
            monitor.progress(from + chunk.size(), hashes.size(), Messages.text("grid.task.deleted", deleted));
          }
          return deleted;
        });
  }

  private interface BulkWork {
    long run(List<String> hashes, TaskMonitor monitor);
  }

  private void bulk(String title, BulkWork work) {
    Dataset d = dataset.get();
    if (d == null || selection.count() == 0) {
      return;
    }
    BitSet positions = selection.positions();
    ImagePages.Source source = source(d.id(), pagesQuery);
    ImagePages shown = pages;
    List<String> known = knownHashes(positions, shown);
    tasks.submit(
        title,
        monitor -> work.run(known != null ? known : resolve(positions, source, monitor), monitor),
        n -> {},
        () -> {
          refresh();
          onChanged.run();
        });
  }

  /** The hashes of the selected positions if all their pages are in memory, else null. */
  private static List<String> knownHashes(BitSet positions, ImagePages shown) {
    List<String> hashes = new ArrayList<>();
    for (int i = positions.nextSetBit(0); i >= 0; i = positions.nextSetBit(i + 1)) {
      ImageRecord r = shown == null ? null : shown.cached(i);
      if (r == null) {
        return null;
      }
      hashes.add(r.hash());
    }
    return hashes;
  }

  /** The hashes of the selected positions, fetched page by page (Ctrl+A on a million images). */
  static List<String> resolve(BitSet positions, ImagePages.Source source, TaskMonitor monitor) {
    List<String> hashes = new ArrayList<>(positions.cardinality());
    int last = positions.length();
    for (int from = positions.nextSetBit(0); from >= 0 && from < last; ) {
      monitor.checkCancelled();
      int page = from / BULK_CHUNK;
      List<ImageRecord> records = source.fetch(page * BULK_CHUNK, BULK_CHUNK).images();
      for (int j = 0; j < records.size(); j++) {
        if (positions.get(page * BULK_CHUNK + j)) {
          hashes.add(records.get(j).hash());
        }
      }
      monitor.progress(Math.min(last, (page + 1) * BULK_CHUNK), last, Messages.text("grid.task.finding"));
      from = positions.nextSetBit((page + 1) * BULK_CHUNK);
    }
    return hashes;
  }

  private void updateSummary() {
    long n = total.get();
    String text = Messages.text("grid.summary", n);
    if (selection.count() > 0) {
      text = Messages.text("grid.summary.selected", selection.count(), text);
    }
    summary.set(text);
  }
}
