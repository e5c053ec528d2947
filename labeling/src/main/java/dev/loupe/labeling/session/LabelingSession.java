package dev.loupe.labeling.session;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.model.Edit;
import dev.loupe.labeling.model.History;
import dev.loupe.labeling.model.LabelDocument;
import dev.loupe.labeling.model.ProposeShapes;
import dev.loupe.labeling.model.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Labeling of an ordered list of images of one dataset: loads each image's pixels and labels from the
 * workspace, keeps one undo history per image for the whole session (going to another image and back
 * keeps it), and saves every edit at once through {@code LabelStore.put} on a single background
 * writer ({@link AutosaveWriter}: the latest state always wins, {@link #close()} flushes). The
 * neighbours of the current image are decoded ahead so that "next" shows at once.
 *
 * <p>Threading: everything but {@link #preLabelAllUnlabeled} and {@link #flush()} is called on the FX
 * thread; loading happens on two loader threads and results come back to the FX thread.
 */
public final class LabelingSession implements AutoCloseable {
  private static final int CACHED_IMAGES = 6;

  private final Workspace workspace;
  private final Dataset dataset;
  private final List<String> hashes;
  private final ImageLoader loader;
  private final ExecutorService loaders;
  private final ExecutorService predictor;
  private final AutosaveWriter autosave;
  private final Map<String, CompletableFuture<LoadedImage>> images = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, History> histories = new HashMap<>();
  private final ReadOnlyObjectWrapper<OpenImage> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper("");
  private final ObjectProperty<PreLabeler> preLabeler = new SimpleObjectProperty<>();
  private List<Label> clipboard = List.of();
  private Map<String, List<Proposal>> toReview = Map.of();
  private volatile double viewWidth;
  private volatile double viewHeight;
  private int requested = -1;

  /** A session over the given images of a dataset, reading images reduced to a 2560x1600 box. */
  public LabelingSession(Workspace workspace, String datasetIdOrSlug, List<String> hashes) {
    this(workspace, datasetIdOrSlug, hashes, new ImageLoader(2560, 1600));
  }

  public LabelingSession(Workspace workspace, String datasetIdOrSlug, List<String> hashes, ImageLoader loader) {
    if (hashes.isEmpty()) {
      throw new IllegalArgumentException("nothing to label: the list of images is empty");
    }
    this.workspace = workspace;
    this.dataset = workspace.datasets().require(datasetIdOrSlug);
    this.hashes = List.copyOf(hashes);
    this.loader = loader;
    this.loaders = Executors.newFixedThreadPool(2, daemon("loupe-image-loader"));
    this.predictor = Executors.newSingleThreadExecutor(daemon("loupe-prelabel"));
    String datasetId = dataset.id();
    this.autosave =
        new AutosaveWriter(
            (hash, labels) -> workspace.labels().put(datasetId, hash, labels),
            new AutosaveWriter.Listener() {
              @Override
              public void saved(String hash) {
                Platform.runLater(() -> saveStatus.set(
                    autosave.isDirty() ? Messages.text("save.saving") : Messages.text("save.saved")));
              }

              @Override
              public void failed(String hash, RuntimeException error) {
                Platform.runLater(() -> saveStatus.set(Messages.text("save.failed", error.getMessage())));
              }
            });
  }

  /** Every image of a dataset in the workspace's default order (newest first), for a session over all. */
  public static List<String> allImages(Workspace workspace, String datasetIdOrSlug) {
    List<String> all = new ArrayList<>();
    ImageQuery query = ImageQuery.all().withPage(0, ImageQuery.MAX_LIMIT);
    ImagePage page = workspace.images().list(datasetIdOrSlug, query);
    while (true) {
      page.images().forEach(r -> all.add(r.hash()));
      if (page.nextCursor() == null) {
        return all;
      }
      page = workspace.images().list(datasetIdOrSlug, query.withCursor(page.nextCursor()));
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public Dataset dataset() {
    return dataset;
  }

  public List<String> hashes() {
    return hashes;
  }

  /** The image on screen (null until the first one is loaded). */
  public ReadOnlyObjectProperty<OpenImage> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public OpenImage current() {
    return current.get();
  }

  /** "All changes saved", "Saving…", or "Not saved: why". */
  public ReadOnlyStringProperty saveStatusProperty() {
    return saveStatus.getReadOnlyProperty();
  }

  /** The app sets a pre-labeler to offer pre-labelling; null hides it. */
  public ObjectProperty<PreLabeler> preLabelerProperty() {
    return preLabeler;
  }

  /**
   * Shows image {@code index} (0-based, clamped to the list). When the user asks for several images
   * quickly only the last one is shown; the future completes (on the FX thread) with what is shown, or
   * null when a later request overtook this one.
   */
  public CompletableFuture<OpenImage> goTo(int index) {
    int target = Math.max(0, Math.min(hashes.size() - 1, index));
    requested = target;
    String hash = hashes.get(target);
    boolean needLabels = !histories.containsKey(hash); // read here: histories belong to the FX thread
    CompletableFuture<Object[]> loaded =
        image(hash)
            .handle((img, error) -> new Object[] {img, error})
            .thenApplyAsync(
                pair -> {
                  ImageRecord record = workspace.images().require(dataset.id(), hash);
                  List<Label> labels = needLabels ? workspace.labels().get(dataset.id(), hash) : null;
                  return new Object[] {pair[0], pair[1], record, labels};
                },
                loaders);
    CompletableFuture<OpenImage> shown = new CompletableFuture<>();
    loaded.whenComplete(
        (parts, failure) ->
            Platform.runLater(
                () -> {
                  if (failure != null) {
                    images.remove(hash);
                    saveStatus.set(Messages.text("session.cannotOpen", rootMessage(failure)));
                    shown.completeExceptionally(failure);
                    return;
                  }
                  if (requested != target) {
                    shown.complete(null);
                    return;
                  }
                  shown.complete(show(target, parts));
                }));
    return shown;
  }

  @SuppressWarnings("unchecked")
  private OpenImage show(int index, Object[] parts) {
    ImageRecord record = (ImageRecord) parts[2];
    History history = histories.get(record.hash());
    if (history == null) {
      history = new History(document(record.hash(), (List<Label>) parts[3]));
      histories.put(record.hash(), history);
    }
    Throwable error = (Throwable) parts[1];
    if (error != null) {
      images.remove(record.hash()); // try again next time
    }
    OpenImage open =
        new OpenImage(index, record, (LoadedImage) parts[0], error == null ? null : rootMessage(error),
            history.document(), history);
    current.set(open);
    prefetch(index);
    return open;
  }

  public CompletableFuture<OpenImage> next() {
    OpenImage open = current.get();
    return goTo(open == null ? 0 : Math.max(open.index(), requested) + 1);
  }

  public CompletableFuture<OpenImage> previous() {
    OpenImage open = current.get();
    return goTo(open == null ? 0 : Math.min(open.index(), requested) - 1);
  }

  private void prefetch(int index) {
    for (int i : new int[] {index + 1, index - 1, index + 2}) {
      if (i >= 0 && i < hashes.size()) {
        image(hashes.get(i));
      }
    }
  }

  private CompletableFuture<LoadedImage> image(String hash) {
    CompletableFuture<LoadedImage> future = images.get(hash);
    if (future == null) {
      future = CompletableFuture.supplyAsync(
          () -> loader.load(hash, workspace.content().path(hash), viewWidth, viewHeight), loaders);
      images.put(hash, future);
      while (images.size() > CACHED_IMAGES) {
        images.remove(images.keySet().iterator().next()); // least recently used
      }
    }
    return future;
  }

  /**
   * The size of the canvas: images are prepared (a copy fitted to it) while they are prefetched, so
   * that "next" draws at once. The view keeps it up to date.
   */
  public void setViewSize(double width, double height) {
    viewWidth = width;
    viewHeight = height;
  }

  /** Reads an image at full resolution (the canvas asks when the user zooms past the reduced copy). */
  public CompletableFuture<LoadedImage> loadFullResolution(String hash) {
    return CompletableFuture.supplyAsync(() -> loader.loadFull(hash, workspace.content().path(hash)), loaders);
  }

  /** Applies an edit to the image on screen, records it for undo and saves. */
  public void perform(Edit edit) {
    OpenImage open = requireOpen();
    perform(open.hash(), edit);
  }

  /** Applies an edit to any image of the session (its history is created when needed). */
  public void perform(String hash, Edit edit) {
    History history = history(hash);
    history.perform(edit);
    save(hash, history.document());
  }

  public boolean undo() {
    OpenImage open = requireOpen();
    boolean undone = open.history().undo() != null;
    if (undone) {
      save(open.hash(), open.document());
    }
    return undone;
  }

  public boolean redo() {
    OpenImage open = requireOpen();
    boolean redone = open.history().redo() != null;
    if (redone) {
      save(open.hash(), open.document());
    }
    return redone;
  }

  /** The history of an image, with its labels read from the workspace the first time. */
  public History history(String hash) {
    return histories.computeIfAbsent(hash, h -> new History(document(h, workspace.labels().get(dataset.id(), h))));
  }

  /** An image's document, its labels that are still to be reviewed marked pending. */
  private LabelDocument document(String hash, List<Label> labels) {
    List<Proposal> proposals = toReview.getOrDefault(hash, List.of());
    Map<Integer, Double> pending = new HashMap<>();
    for (Proposal proposal : proposals) {
      for (int i = 0; i < labels.size(); i++) {
        if (!pending.containsKey(i) && labels.get(i).equals(proposal.label())) {
          pending.put(i, proposal.confidence());
          break;
        }
      }
    }
    return new LabelDocument(labels, pending);
  }

  /**
   * Labels of the session's images that a model wrote and that are still to be reviewed (an
   * auto-annotation run's), with their confidence: they are shown pending until accepted or
   * rejected. Set before the first image is shown.
   */
  public void setToReview(Map<String, List<Proposal>> proposals) {
    toReview = Map.copyOf(proposals);
  }

  /** The images of the session that were opened (or edited) so far. */
  public java.util.Set<String> openedImages() {
    return java.util.Set.copyOf(histories.keySet());
  }

  /**
   * The predictions of an image still pending now (after what was accepted or rejected in this
   * session), for the app to remember what is left to review.
   */
  public List<Proposal> stillToReview(String hash) {
    History history = histories.get(hash);
    if (history == null) {
      return toReview.getOrDefault(hash, List.of());
    }
    LabelDocument document = history.document();
    List<Proposal> left = new ArrayList<>();
    for (Shape shape : document.pendingShapes()) {
      left.add(new Proposal(shape.label(), document.confidence(shape.id())));
    }
    return left;
  }

  private void save(String hash, LabelDocument document) {
    saveStatus.set(Messages.text("save.saving"));
    autosave.save(hash, document.labels());
  }

  private OpenImage requireOpen() {
    OpenImage open = current.get();
    if (open == null) {
      throw new IllegalStateException("no image is open yet");
    }
    return open;
  }

  public List<Label> clipboard() {
    return clipboard;
  }

  /** Copies labels to the session's clipboard (it survives going to another image). */
  public void copy(List<Label> labels) {
    clipboard = List.copyOf(labels);
  }

  /**
   * Waits until every edit is written. Returns the images whose labels could not be saved, with why
   * (empty when all is saved). Callable from any thread.
   */
  public Map<String, RuntimeException> flush() {
    return autosave.flush();
  }

  /**
   * Proposes labels for the image on screen with the pre-labeler and adds them as one undoable edit.
   * Completes (on the FX thread) with the number of labels added.
   */
  public CompletableFuture<Integer> preLabelCurrent() {
    PreLabeler labeler = requirePreLabeler();
    String hash = requireOpen().hash();
    CompletableFuture<Integer> done = new CompletableFuture<>();
    CompletableFuture.supplyAsync(() -> predict(labeler, hash), predictor)
        .whenComplete(
            (labels, error) ->
                Platform.runLater(
                    () -> {
                      if (error != null) {
                        saveStatus.set(Messages.text("session.preLabelFailed", rootMessage(error)));
                        done.completeExceptionally(error);
                      } else {
                        done.complete(addPredictions(hash, labels));
                      }
                    }));
    return done;
  }

  /**
   * Pre-labels every image of the session that has no labels; each image gets one undoable edit.
   * Long work: call it on a background thread; it reports progress and stops when cancelled.
   *
   * @return the number of images that received labels
   */
  public int preLabelAllUnlabeled(TaskMonitor monitor) throws Exception {
    PreLabeler labeler = requirePreLabeler();
    int labeled = 0;
    for (int i = 0; i < hashes.size(); i++) {
      monitor.checkCancelled();
      monitor.progress(i, hashes.size(), Messages.text("session.progress.image", i + 1, hashes.size()));
      String hash = hashes.get(i);
      // an image seen in this session counts as its document is; others as stored (read here, off the FX thread)
      int shown = onFxThread(() -> histories.containsKey(hash) ? histories.get(hash).document().size() : -1);
      if (shown > 0 || (shown < 0 && !workspace.labels().get(dataset.id(), hash).isEmpty())) {
        continue;
      }
      List<Proposal> proposals = predict(labeler, hash);
      if (onFxThread(() -> history(hash).document().size() == 0 ? addPredictions(hash, proposals) : 0) > 0) {
        labeled++;
      }
    }
    monitor.progress(hashes.size(), hashes.size(), Messages.text("session.progress.done", labeled));
    return labeled;
  }

  private int addPredictions(String hash, List<Proposal> proposals) {
    LabelDocument document = history(hash).document();
    List<Shape> shapes = new ArrayList<>();
    Map<Long, Double> confidences = new HashMap<>();
    for (Proposal proposal : proposals) {
      Label label = proposal.label();
      if (label.classId() >= 0 && label.classId() < dataset.classCount()) {
        Shape shape = document.newShape(label);
        shapes.add(shape);
        confidences.put(shape.id(), proposal.confidence());
      }
    }
    if (!shapes.isEmpty()) {
      perform(hash, new ProposeShapes(Messages.text("edit.preLabel", shapes.size()), shapes, confidences));
    }
    return shapes.size();
  }

  private static List<Proposal> predict(PreLabeler labeler, String hash) {
    try {
      List<Proposal> proposals = labeler.predict(hash);
      return proposals == null ? List.of() : proposals;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }

  private PreLabeler requirePreLabeler() {
    PreLabeler labeler = preLabeler.get();
    if (labeler == null) {
      throw new IllegalStateException("no pre-labeler is set");
    }
    return labeler;
  }

  private static <T> T onFxThread(java.util.concurrent.Callable<T> work) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return work.call();
    }
    java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
    Platform.runLater(task);
    try {
      return task.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  static String rootMessage(Throwable error) {
    Throwable t = error;
    while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Writes every pending edit, then stops the loader and writer threads. The workspace stays open. */
  @Override
  public void close() {
    try {
      autosave.close();
    } finally {
      loaders.shutdownNow();
      predictor.shutdownNow();
    }
  }
}
