package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.SplitRatios;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

/** Split redistribution: percentages for train, val and test and a seed, so a split is repeatable. */
public final class SplitViewModel {
  private final Workspace workspace;
  private final Dataset dataset;
  private final DoubleProperty train = new SimpleDoubleProperty(80);
  private final DoubleProperty val = new SimpleDoubleProperty(10);
  private final DoubleProperty test = new SimpleDoubleProperty(10);
  private final LongProperty seed = new SimpleLongProperty(0);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  public SplitViewModel(Workspace workspace, Dataset dataset) {
    this.workspace = workspace;
    this.dataset = dataset;
    for (Observable o : List.of(train, val, test)) {
      o.addListener(x -> problem.set(findProblem()));
    }
    problem.set(findProblem());
  }

  public DoubleProperty trainProperty() {
    return train;
  }

  public DoubleProperty valProperty() {
    return val;
  }

  public DoubleProperty testProperty() {
    return test;
  }

  public LongProperty seedProperty() {
    return seed;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private String findProblem() {
    if (train.get() < 0 || val.get() < 0 || test.get() < 0) {
      return Messages.text("redistribute.problem.negative");
    }
    if (train.get() + val.get() + test.get() <= 0) {
      return Messages.text("redistribute.problem.zero");
    }
    return null;
  }

  public SplitRatios ratios() {
    double sum = train.get() + val.get() + test.get();
    return new SplitRatios(train.get() / sum, val.get() / sum, test.get() / sum);
  }

  /** Redistributes in the background; {@code done} gets how many images each split holds after. */
  public void start(BackgroundTasks tasks, Consumer<Map<Split, Long>> done) {
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    SplitRatios r = ratios();
    long s = seed.get();
    tasks.submit(Messages.text("redistribute.progress", dataset.name()), m -> workspace.splits().redistribute(dataset.id(), r, s), done);
  }
}
