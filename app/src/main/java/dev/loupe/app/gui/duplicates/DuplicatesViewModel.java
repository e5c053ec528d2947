package dev.loupe.app.gui.duplicates;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.DatasetInsight;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.workspace.Workspace;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The duplicates of a dataset: groups of exact copies (identical pixels) and near copies (resized,
 * re-encoded, slightly cropped) found at a threshold (0: exact only, 1: loosest), with the groups that
 * span splits flagged as leaks. A group is resolved by keeping one image and deleting the others, or
 * by moving all of it into one split. Finding and resolving run in the background.
 */
public final class DuplicatesViewModel {
  /** The threshold the window opens with. */
  public static final double DEFAULT_THRESHOLD = 0.1;

  private final Supplier<DatasetInsight> insight;
  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final Dataset dataset;
  private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
  private final ObservableList<DuplicateGroup> groups = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private Runnable onChanged = () -> {};
  private Object searchToken;

  public DuplicatesViewModel(
      Supplier<DatasetInsight> insight, Workspace workspace, BackgroundTasks tasks, Dataset dataset) {
    this.insight = insight;
    this.workspace = workspace;
    this.tasks = tasks;
    this.dataset = dataset;
    threshold.addListener(x -> refresh());
  }

  public Dataset dataset() {
    return dataset;
  }

  /** 0 (exact copies only) to 1 (loosest); a change searches again. */
  public DoubleProperty thresholdProperty() {
    return threshold;
  }

  public ObservableList<DuplicateGroup> groups() {
    return groups;
  }

  /** "2 exact groups, 5 near groups · 3 leaks across splits". */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** True while a group is being resolved. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Told after a resolve changed the dataset (the grid and the map refresh). */
  public void setOnChanged(Runnable value) {
    onChanged = value;
  }

  /** Finds the groups at the current threshold, in the background (a newer search wins). */
  public void refresh() {
    Object token = new Object();
    searchToken = token;
    double t = threshold.get();
    loading.set(true);
    summary.set(Messages.text("duplicates.looking"));
    String[] failure = new String[1];
    tasks.submit(Messages.text("duplicates.task"), m -> {
      try {
        return insight.get().duplicates(dataset.id(), t, m);
      } catch (RuntimeException e) {
        failure[0] = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        throw e;
      }
    }, found -> {
      if (searchToken == token) {
        groups.setAll(found);
      }
    }, () -> {
      if (searchToken == token) {
        loading.set(false);
        summary.set(failure[0] != null ? Messages.text("duplicates.failed", failure[0]) : summarize(groups));
      }
    });
  }

  /** Keeps {@code keep} of {@code group} and deletes the group's other images. */
  public void keepOnly(DuplicateGroup group, String keep) {
    List<String> others = group.images().stream().map(DuplicateImage::hash).filter(h -> !h.equals(keep)).toList();
    if (others.isEmpty() || busy.get()) {
      return;
    }
    busy.set(true);
    tasks.submit(Messages.text("duplicates.task.delete"), m -> workspace.images().delete(dataset.id(), others), n -> {
      groups.remove(group);
      summary.set(summarize(groups));
      onChanged.run();
    }, () -> busy.set(false));
  }

  /** Moves every image of {@code group} to {@code split} (the leak is gone). */
  public void moveAll(DuplicateGroup group, Split split) {
    if (busy.get()) {
      return;
    }
    List<String> hashes = group.images().stream().map(DuplicateImage::hash).toList();
    busy.set(true);
    tasks.submit(Messages.text("duplicates.task.move", split.apiName()),
        m -> workspace.images().moveToSplit(dataset.id(), hashes, split), n -> {
          int at = groups.indexOf(group);
          if (at >= 0) {
            groups.set(at, new DuplicateGroup(group.kind(), false, group.images().stream()
                .map(i -> new DuplicateImage(i.hash(), i.filename(), split)).toList()));
          }
          summary.set(summarize(groups));
          onChanged.run();
        }, () -> busy.set(false));
  }

  /** "Exact copies · 3 images · train + val: leak". */
  public static String describe(DuplicateGroup group) {
    Set<Split> splits = group.images().stream().map(DuplicateImage::split)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Split.class)));
    String kind = Messages.text(
        group.kind() == DuplicateGroup.Kind.EXACT ? "duplicates.kind.exact" : "duplicates.kind.near");
    String where = splits.stream().map(Split::apiName).collect(Collectors.joining(" + "));
    String text = Messages.text("duplicates.group", group.images().size(), kind, where);
    return group.crossSplit() ? Messages.text("duplicates.group.leak", text) : text;
  }

  static String summarize(List<DuplicateGroup> groups) {
    if (groups.isEmpty()) {
      return Messages.text("duplicates.none");
    }
    long exact = groups.stream().filter(g -> g.kind() == DuplicateGroup.Kind.EXACT).count();
    long near = groups.size() - exact;
    long leaks = groups.stream().filter(DuplicateGroup::crossSplit).count();
    String text = Messages.text("duplicates.summary", Messages.text("duplicates.summary.exact", exact),
        Messages.text("duplicates.summary.near", near));
    return leaks > 0 ? Messages.text("duplicates.summary.leaks", leaks, text) : text;
  }
}
