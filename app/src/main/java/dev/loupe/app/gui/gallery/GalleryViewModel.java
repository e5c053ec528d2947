package dev.loupe.app.gui.gallery;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The gallery of images picked on the map: open them in the labeling area, move them to a split
 * (undoable: the gallery remembers each image's split before the last move) or delete them (as in the
 * grid: tombstoned, not undoable, so the view asks first). The work runs as background tasks; the
 * listener hears what changed so the map and the grid follow.
 */
public final class GalleryViewModel {
  /** Images per write, as the grid's bulk actions. */
  static final int CHUNK = 5000;

  /** What a gallery action changed in the dataset. */
  public interface Listener {
    void moved(List<String> hashes, Split split);

    void deleted(List<String> hashes);
  }

  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final ObservableList<GalleryImage> images = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(Messages.text("gallery.undo"));
  private Dataset dataset;
  private Map<Split, List<String>> undoMove;
  private Consumer<LabelingRequest> onOpen = r -> {};
  private Listener listener =
      new Listener() {
        @Override
        public void moved(List<String> hashes, Split split) {}

        @Override
        public void deleted(List<String> hashes) {}
      };

  public GalleryViewModel(Workspace workspace, BackgroundTasks tasks) {
    this.workspace = workspace;
    this.tasks = tasks;
    images.addListener((javafx.beans.Observable o) -> updateTitle());
  }

  /** Shows {@code value} of {@code d} (a new selection); the undo of the last move is kept. */
  public void show(Dataset d, List<GalleryImage> value) {
    if (dataset == null || d == null || !dataset.id().equals(d.id())) {
      undoMove = null;
      canUndo.set(false);
    }
    dataset = d;
    images.setAll(value);
  }

  public ObservableList<GalleryImage> images() {
    return images;
  }

  /** "12 images selected". */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** True while a move, undo or delete runs. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  /** "Undo move to val". */
  public ReadOnlyStringProperty undoTextProperty() {
    return undoText.getReadOnlyProperty();
  }

  public void setOnOpen(Consumer<LabelingRequest> value) {
    onOpen = value;
  }

  public void setListener(Listener value) {
    listener = value;
  }

  /** Opens the labeling area on image {@code index}, stepping through the gallery's images. */
  public void open(int index) {
    if (dataset != null && index >= 0 && index < images.size()) {
      onOpen.accept(new LabelingRequest(dataset, images.stream().map(GalleryImage::hash).toList(), index));
    }
  }

  /** Moves the gallery's images to {@code target} (those already there stay). */
  public void moveTo(Split target) {
    Map<Split, List<String>> before = new EnumMap<>(Split.class);
    for (GalleryImage image : images) {
      if (image.split() != target) {
        before.computeIfAbsent(image.split(), s -> new ArrayList<>()).add(image.hash());
      }
    }
    if (dataset == null || before.isEmpty() || busy.get()) {
      return;
    }
    List<String> moving = before.values().stream().flatMap(List::stream).toList();
    String id = dataset.id();
    busy.set(true);
    tasks.submit(Messages.text("grid.task.move", target.apiName()), m -> move(id, moving, target, m), n -> {
      applyMove(moving, target);
      listener.moved(moving, target);
      undoMove = before;
      canUndo.set(true);
      undoText.set(Messages.text("gallery.undo.move", target.apiName()));
    }, () -> busy.set(false));
  }

  /** Moves the images of the last move back to the splits they came from. */
  public void undo() {
    Map<Split, List<String>> back = undoMove;
    if (dataset == null || back == null || busy.get()) {
      return;
    }
    String id = dataset.id();
    busy.set(true);
    tasks.submit(Messages.text("gallery.task.undo"), m -> {
      long moved = 0;
      for (Map.Entry<Split, List<String>> e : back.entrySet()) {
        moved += move(id, e.getValue(), e.getKey(), m);
      }
      return moved;
    }, n -> {
      back.forEach((split, hashes) -> {
        applyMove(hashes, split);
        listener.moved(hashes, split);
      });
      undoMove = null;
      canUndo.set(false);
      undoText.set(Messages.text("gallery.undo"));
    }, () -> busy.set(false));
  }

  /** Deletes the gallery's images (tombstoned, as the images API deletes). */
  public void delete() {
    if (dataset == null || images.isEmpty() || busy.get()) {
      return;
    }
    String id = dataset.id();
    List<String> hashes = images.stream().map(GalleryImage::hash).toList();
    busy.set(true);
    tasks.submit(Messages.text("grid.task.delete"), m -> {
      long deleted = 0;
      for (int from = 0; from < hashes.size(); from += CHUNK) {
        m.checkCancelled();
        List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
        deleted += workspace.images().delete(id, chunk);
        m.progress(from + chunk.size(), hashes.size(), Messages.text("grid.task.deleted", deleted));
      }
      return deleted;
    }, n -> {
      Set<String> gone = new HashSet<>(hashes);
      images.removeIf(i -> gone.contains(i.hash()));
      undoMove = null;
      canUndo.set(false);
      undoText.set(Messages.text("gallery.undo"));
      listener.deleted(hashes);
    }, () -> busy.set(false));
  }

  private long move(String datasetId, List<String> hashes, Split target, TaskMonitor monitor) {
    long moved = 0;
    for (int from = 0; from < hashes.size(); from += CHUNK) {
      monitor.checkCancelled();
      List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
      moved += workspace.images().moveToSplit(datasetId, chunk, target);
      monitor.progress(from + chunk.size(), hashes.size(), Messages.text("grid.task.moved", moved));
    }
    return moved;
  }

  private void applyMove(List<String> hashes, Split target) {
    Set<String> set = new HashSet<>(hashes);
    for (int i = 0; i < images.size(); i++) {
      GalleryImage image = images.get(i);
      if (set.contains(image.hash())) {
        images.set(i, new GalleryImage(image.hash(), image.filename(), target));
      }
    }
  }

  private void updateTitle() {
    int n = images.size();
    title.set(Messages.text("gallery.title", n));
  }
}
