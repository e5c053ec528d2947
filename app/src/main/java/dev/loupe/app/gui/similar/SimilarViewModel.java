package dev.loupe.app.gui.similar;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.insight.DatasetInsight;
import dev.loupe.core.insight.SimilarImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The images nearest to one image in embedding space (the built-in descriptor's vectors), nearest
 * first, asked for in the background. Opening one opens the labeling area on it, stepping through the
 * image itself and its neighbours.
 */
public final class SimilarViewModel {
  /** Neighbours shown. */
  public static final int K = 24;

  private final Supplier<DatasetInsight> insight;
  private final BackgroundTasks tasks;
  private final SimilarRequest request;
  private final int k;
  private final ObservableList<SimilarImage> results = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
  private Consumer<LabelingRequest> onOpen = r -> {};

  public SimilarViewModel(Supplier<DatasetInsight> insight, BackgroundTasks tasks, SimilarRequest request, int k) {
    this.insight = insight;
    this.tasks = tasks;
    this.request = request;
    this.k = k;
  }

  public SimilarRequest request() {
    return request;
  }

  /** "Images like img_3.jpg". */
  public String title() {
    return Messages.text("similar.title", request.filename());
  }

  /** Asks for the neighbours in the background. */
  public void load() {
    loading.set(true);
    message.set(Messages.text("similar.finding"));
    String[] failure = new String[1];
    String datasetId = request.dataset().id();
    tasks.submit(Messages.text("similar.task", request.filename()), m -> {
      try {
        return insight.get().similar(datasetId, request.hash(), k, dev.loupe.app.gui.explorer.ExplorerViewModel.MODEL);
      } catch (RuntimeException e) {
        failure[0] = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        throw e;
      }
    }, found -> {
      results.setAll(found);
      message.set(found.isEmpty() ? Messages.text("similar.none") : null);
    }, () -> {
      loading.set(false);
      if (failure[0] != null) {
        message.set(Messages.text("similar.failed", failure[0]));
      }
    });
  }

  /** The neighbours, nearest first. */
  public ObservableList<SimilarImage> results() {
    return results;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** What shows instead of results (searching, none, why not), or null. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public void setOnOpen(Consumer<LabelingRequest> value) {
    onOpen = value;
  }

  /** Opens result {@code index} in the labeling area; the list is the image, then its neighbours. */
  public void open(int index) {
    if (index < 0 || index >= results.size()) {
      return;
    }
    List<String> hashes = new ArrayList<>(results.size() + 1);
    hashes.add(request.hash());
    results.forEach(r -> hashes.add(r.hash()));
    onOpen.accept(new LabelingRequest(request.dataset(), hashes, index + 1));
  }

  /** "0.124" for a distance. */
  public static String distanceText(double distance) {
    return String.format(java.util.Locale.ROOT, "%.3f", distance);
  }
}
