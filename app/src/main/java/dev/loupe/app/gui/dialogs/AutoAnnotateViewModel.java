package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.annotate.AnnotateOptions;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.annotate.AutoAnnotator;
import dev.loupe.core.annotate.ImageSelection;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.RevertResult;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Auto-annotation of a dataset with a model of the workspace: which images (all, a split, the
 * unlabeled ones), confidence and IoU, whether to add the model's missing classes; runs in the
 * background with progress and Cancel, and the last run can be reverted in one step.
 */
public final class AutoAnnotateViewModel {
  /** Which images a run looks at. */
  public enum Scope {
    ALL,
    UNLABELED,
    TRAIN,
    VAL,
    TEST;

    /** The bundle key of the label: {@code annotate.scope.} and the lower-case name. */
    public String key() {
      return "annotate.scope." + name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return Messages.text(key());
    }
  }

  private final Workspace workspace;
  private final Dataset dataset;
  private final PredictorFactory engines;
  private final AutoAnnotator.Observer observer;
  private final List<ModelRecord> models;
  private final ObjectProperty<ModelRecord> model = new SimpleObjectProperty<>();
  private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.UNLABELED);
  private final DoubleProperty conf = new SimpleDoubleProperty(0.25);
  private final DoubleProperty iou = new SimpleDoubleProperty(0.7);
  private final BooleanProperty addClasses = new SimpleBooleanProperty(false);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  public AutoAnnotateViewModel(Workspace workspace, Dataset dataset, PredictorFactory engines) {
    this(workspace, dataset, engines, (image, prediction, added) -> {});
  }

  /** A model whose runs tell {@code observer} what they add (the labeling review keeps the confidences). */
  public AutoAnnotateViewModel(
      Workspace workspace, Dataset dataset, PredictorFactory engines, AutoAnnotator.Observer observer) {
    this.workspace = workspace;
    this.dataset = dataset;
    this.engines = engines;
    this.observer = observer;
    this.models = workspace.models().list(null).stream().filter(ModelRecord::runnable).toList();
    if (!models.isEmpty()) {
      model.set(models.get(0));
    }
    for (Observable o : List.<Observable>of(model, scope, conf, iou)) {
      o.addListener(x -> problem.set(findProblem()));
    }
    problem.set(findProblem());
  }

  public List<ModelRecord> models() {
    return models;
  }

  public ObjectProperty<ModelRecord> modelProperty() {
    return model;
  }

  public ObjectProperty<Scope> scopeProperty() {
    return scope;
  }

  public DoubleProperty confProperty() {
    return conf;
  }

  public DoubleProperty iouProperty() {
    return iou;
  }

  public BooleanProperty addClassesProperty() {
    return addClasses;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private String findProblem() {
    if (models.isEmpty()) {
      return Messages.text("annotate.problem.noModel");
    }
    if (model.get() == null) {
      return Messages.text("annotate.problem.chooseModel");
    }
    if (!(conf.get() > 0 && conf.get() <= 1) || !(iou.get() > 0 && iou.get() <= 1)) {
      return Messages.text("annotate.problem.range");
    }
    return null;
  }

  public AnnotateOptions options() {
    ImageSelection selection =
        switch (scope.get()) {
          case ALL -> ImageSelection.all();
          case UNLABELED -> ImageSelection.unlabeled();
          case TRAIN -> ImageSelection.split(Split.TRAIN);
          case VAL -> ImageSelection.split(Split.VAL);
          case TEST -> ImageSelection.split(Split.TEST);
        };
    return AnnotateOptions.of(selection).withThresholds(conf.get(), iou.get()).withAddClasses(addClasses.get());
  }

  /** Starts the run in the background; {@code done} gets its result (also when cancelled). */
  public void start(BackgroundTasks tasks, Consumer<AnnotateResult> done) {
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    String modelId = model.get().id();
    AnnotateOptions options = options();
    tasks.submit(
        Messages.text("annotate.progress", dataset.name(), model.get().name()),
        monitor -> new AutoAnnotator(workspace, engines, observer).run(dataset.id(), modelId, options, monitor),
        done);
  }

  /** The newest run on this dataset that can still be reverted. */
  public Optional<AnnotationRun> lastRevertible() {
    return workspace.annotationRuns().list(dataset.id()).stream()
        .filter(r -> !AnnotationRun.REVERTED.equals(r.state()) && !AnnotationRun.RUNNING.equals(r.state()))
        .findFirst();
  }

  /** Why a revert was refused and what forcing it costs, for the question the dialog asks. */
  public static String refusedMessage(RevertResult result) {
    int n = result.editedSince().size();
    if (!result.laterRuns().isEmpty()) {
      return Messages.text("annotate.refused.laterRuns", n, String.join(", ", result.laterRuns()));
    }
    return Messages.text("annotate.refused.edited", n);
  }

  /** Reverts a run in the background, keeping images edited since unless {@code force}. */
  public void revert(BackgroundTasks tasks, AnnotationRun run, boolean force, Consumer<RevertResult> done) {
    tasks.submit(Messages.text("annotate.progress.revert", run.id()), monitor -> workspace.annotationRuns().revert(run.id(), force),
        done);
  }
}
