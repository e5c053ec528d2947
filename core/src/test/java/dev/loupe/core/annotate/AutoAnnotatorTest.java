package dev.loupe.core.annotate;

import static dev.loupe.core.annotate.AnnotateTestData.HEIGHT;
import static dev.loupe.core.annotate.AnnotateTestData.width;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.NotFoundException;
import dev.loupe.core.workspace.RevertResult;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoAnnotatorTest {
  private static final List<String> CLASSES = List.of("cat", "dog");
  /** The model knows the classes in another order: matched by name. */
  private static final List<String> MODEL_CLASSES = List.of("dog", "cat");

  @TempDir Path dir;
  Workspace ws;
  AutoAnnotator annotator;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    annotator = new AutoAnnotator(ws, file -> { throw new AssertionError("not used"); });
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private static FakePredictor model() {
    return new FakePredictor(FakePredictor.info(Task.DETECT, MODEL_CLASSES));
  }

  private AnnotateResult run(Dataset d, FakePredictor model, AnnotateOptions options) {
    return annotator.run(d, null, "fake", model, options, TaskMonitor.NONE);
  }

  private static List<List<Label>> unlabeled(int n) {
    return new ArrayList<>(Collections.nCopies(n, List.of()));
  }

  @Test
  void addsPredictionsAsLabelsAndSkipsThoseOverlappingALabelOfTheirClass() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    BoxLabel existingCat = new BoxLabel(0, 0.5, 0.5, 0.4, 0.5); // pixels 30..70 x 20..60
    List<String> hashes = AnnotateTestData.fill(ws, d, List.of(List.of(existingCat), List.of()), Split.TRAIN);
    long revisionBefore = ws.images().require(d.id(), hashes.get(0)).revision();
    FakePredictor model =
        model()
            .on(width(0),
                Detection.box(1, "cat", 0.9, 31, 21, 70, 60), // the cat already labeled (IoU 0.95): skipped
                Detection.box(0, "dog", 0.8, 31, 21, 70, 60), // same place, other class: added
                Detection.box(1, "cat", 0.7, 0, 0, 20, 40), // a new cat: added
                Detection.box(1, "cat", 0.1, 50, 0, 90, 10)); // below conf 0.25: dropped

    AnnotateResult result = run(d, model, AnnotateOptions.of(ImageSelection.all()));

    List<Label> labels = ws.labels().get(d.id(), hashes.get(0));
    assertThat(labels).hasSize(3);
    assertThat(labels.get(0)).isEqualTo(existingCat);
    BoxLabel dog = (BoxLabel) labels.get(1);
    assertThat(dog.classId()).isEqualTo(1);
    assertThat(dog.cx()).isCloseTo(0.505, within(1e-9));
    assertThat(dog.cy()).isCloseTo(40.5 / HEIGHT, within(1e-9));
    assertThat(dog.w()).isCloseTo(0.39, within(1e-9));
    BoxLabel cat = (BoxLabel) labels.get(2);
    assertThat(cat.classId()).isZero();
    assertThat(cat.cx()).isCloseTo(0.1, within(1e-9));
    assertThat(cat.h()).isCloseTo(0.5, within(1e-9));
    assertThat(ws.labels().get(d.id(), hashes.get(1))).isEmpty();

    AnnotationRun run = result.run();
    assertThat(run.state()).isEqualTo(AnnotationRun.COMPLETED);
    assertThat(run.imagesTotal()).isEqualTo(2);
    assertThat(run.imagesDone()).isEqualTo(2);
    assertThat(run.imagesLabeled()).isEqualTo(1);
    assertThat(run.labelsAdded()).isEqualTo(2);
    assertThat(run.labelsSkipped()).isEqualTo(1);
    assertThat(result.classDifferences()).contains("another order");
    assertThat(ws.annotationRuns().list(d.slug())).extracting(AnnotationRun::id).containsExactly(run.id());
    // written through the label store: the image's revision, label count and class stats follow
    assertThat(ws.images().require(d.id(), hashes.get(0)).revision()).isGreaterThan(revisionBefore);
    assertThat(ws.images().require(d.id(), hashes.get(0)).labelCount()).isEqualTo(3);
    assertThat(model.options).allSatisfy(o -> {
      assertThat(o.conf()).isEqualTo(0.25);
      assertThat(o.iou()).isEqualTo(0.7);
    });
  }

  @Test
  void revertRestoresEveryTouchedImageInOneStepAndOnlyOnce() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    BoxLabel dog = new BoxLabel(1, 0.2, 0.2, 0.1, 0.1);
    List<String> hashes = AnnotateTestData.fill(ws, d, List.of(List.of(dog), List.of(), List.of()), Split.TRAIN);
    FakePredictor model =
        model().on(width(0), Detection.box(1, "cat", 0.9, 50, 40, 90, 70))
            .on(width(1), Detection.box(0, "dog", 0.9, 10, 10, 60, 60));
    AnnotationRun run = run(d, model, AnnotateOptions.of(ImageSelection.all())).run();
    assertThat(run.imagesLabeled()).isEqualTo(2);
    assertThat(ws.annotationRuns().previousLabels(run.id(), hashes.get(0))).contains(List.of(dog));
    assertThat(ws.annotationRuns().previousLabels(run.id(), hashes.get(2))).isEmpty();

    RevertResult reverted = ws.annotationRuns().revert(run.id(), false);

    assertThat(reverted.refused()).isFalse();
    assertThat(reverted.restored()).isEqualTo(2);
    assertThat(reverted.run().state()).isEqualTo(AnnotationRun.REVERTED);
    assertThat(reverted.run().revertedAt()).isNotNull();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).containsExactly(dog);
    assertThat(ws.labels().get(d.id(), hashes.get(1))).isEmpty();
    assertThat(ws.images().require(d.id(), hashes.get(1)).labelCount()).isZero();
    assertThatThrownBy(() -> ws.annotationRuns().revert(run.id(), false))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("reverted already");
  }

  @Test
  void runsRevertNewestFirstWithoutForce() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    BoxLabel mine = new BoxLabel(1, 0.8, 0.8, 0.1, 0.1);
    List<String> hashes = AnnotateTestData.fill(ws, d, List.of(List.of(mine), List.of()), Split.TRAIN);
    AnnotationRun first = run(d, model().on(width(0), Detection.box(1, "cat", 0.9, 10, 10, 50, 50))
        .on(width(1), Detection.box(1, "cat", 0.9, 10, 10, 50, 50)), AnnotateOptions.of(ImageSelection.all())).run();
    List<Label> afterFirst = ws.labels().get(d.id(), hashes.get(0));
    AnnotationRun second = run(d, model().on(width(0), Detection.box(0, "dog", 0.9, 12, 12, 30, 30)),
        AnnotateOptions.of(ImageSelection.all())).run();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).hasSize(afterFirst.size() + 1);

    assertThat(ws.annotationRuns().revert(second.id(), false).refused()).isFalse();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEqualTo(afterFirst);
    RevertResult firstReverted = ws.annotationRuns().revert(first.id(), false);

    assertThat(firstReverted.refused()).as("edited since: %s", firstReverted.editedSince()).isFalse();
    assertThat(firstReverted.restored()).isEqualTo(2);
    assertThat(ws.labels().get(d.id(), hashes.get(0))).containsExactly(mine);
    assertThat(ws.labels().get(d.id(), hashes.get(1))).isEmpty();
  }

  @Test
  void anEditBetweenTwoRunsStillStopsTheFirstRunsRevert() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(1), Split.TRAIN);
    AnnotationRun first = run(d, model().on(width(0), Detection.box(1, "cat", 0.9, 10, 10, 50, 50)),
        AnnotateOptions.of(ImageSelection.all())).run();
    List<Label> edited = new java.util.ArrayList<>(ws.labels().get(d.id(), hashes.get(0)));
    edited.add(new BoxLabel(1, 0.7, 0.7, 0.1, 0.1));
    ws.labels().put(d.id(), hashes.get(0), edited);
    AnnotationRun second = run(d, model().on(width(0), Detection.box(0, "dog", 0.9, 12, 12, 30, 30)),
        AnnotateOptions.of(ImageSelection.all())).run();

    ws.annotationRuns().revert(second.id(), false);
    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEqualTo(edited);
    RevertResult refused = ws.annotationRuns().revert(first.id(), false);

    assertThat(refused.refused()).isTrue();
    assertThat(refused.editedSince()).containsExactly(hashes.get(0));
  }

  @Test
  void revertRefusesWhenAnImageWasEditedSinceUnlessForced() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(2), Split.TRAIN);
    FakePredictor model =
        model().on(width(0), Detection.box(1, "cat", 0.9, 10, 10, 50, 50))
            .on(width(1), Detection.box(1, "cat", 0.9, 10, 10, 50, 50));
    AnnotationRun run = run(d, model, AnnotateOptions.of(ImageSelection.all())).run();
    List<Label> runLabels = ws.labels().get(d.id(), hashes.get(1));
    List<Label> edited = List.of(new BoxLabel(1, 0.5, 0.5, 0.2, 0.2));
    ws.labels().put(d.id(), hashes.get(0), edited);

    RevertResult refused = ws.annotationRuns().revert(run.id(), false);

    assertThat(refused.refused()).isTrue();
    assertThat(refused.editedSince()).containsExactly(hashes.get(0));
    assertThat(refused.restored()).isZero();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEqualTo(edited);
    assertThat(ws.labels().get(d.id(), hashes.get(1))).isEqualTo(runLabels).isNotEmpty();
    assertThat(ws.annotationRuns().require(run.id()).state()).isEqualTo(AnnotationRun.COMPLETED);

    RevertResult forced = ws.annotationRuns().revert(run.id(), true);
    assertThat(forced.restored()).isEqualTo(2);
    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEmpty();
    assertThat(ws.labels().get(d.id(), hashes.get(1))).isEmpty();
  }

  @Test
  void selectsOnlyUnlabeledImagesOneSplitOrGivenHashes() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    List<List<Label>> labels = unlabeled(4);
    labels.set(0, List.of(new BoxLabel(1, 0.9, 0.9, 0.1, 0.1)));
    labels.set(1, List.of(new BoxLabel(1, 0.9, 0.9, 0.1, 0.1)));
    List<String> hashes = AnnotateTestData.fill(ws, d, labels, Split.TRAIN, Split.VAL);
    FakePredictor model = model();
    for (int i = 0; i < 4; i++) {
      model.on(width(i), Detection.box(0, "dog", 0.9, 0, 0, 30, 30));
    }

    AnnotationRun unlabeledRun = run(d, model, AnnotateOptions.of(ImageSelection.unlabeled())).run();
    assertThat(model.calls).hasValue(2);
    assertThat(unlabeledRun.selection()).isEqualTo("unlabeled");
    assertThat(ws.labels().get(d.id(), hashes.get(0))).hasSize(1);
    assertThat(ws.labels().get(d.id(), hashes.get(2))).hasSize(1);
    assertThat(ws.labels().get(d.id(), hashes.get(3))).hasSize(1);
    ws.annotationRuns().revert(unlabeledRun.id(), false);

    model.calls.set(0);
    AnnotationRun valRun = run(d, model, AnnotateOptions.of(ImageSelection.split(Split.VAL))).run();
    assertThat(model.calls).hasValue(2);
    assertThat(valRun.imagesLabeled()).isEqualTo(2);
    assertThat(ws.labels().get(d.id(), hashes.get(1))).hasSize(2);
    assertThat(ws.labels().get(d.id(), hashes.get(3))).hasSize(1);
    assertThat(ws.labels().get(d.id(), hashes.get(2))).isEmpty();

    model.calls.set(0);
    run(d, model, AnnotateOptions.of(ImageSelection.images(List.of(hashes.get(2)))));
    assertThat(model.calls).hasValue(1);
    assertThat(ws.labels().get(d.id(), hashes.get(2))).hasSize(1);

    assertThatThrownBy(() -> run(d, model, AnnotateOptions.of(ImageSelection.images(List.of("ab" + "0".repeat(62))))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("not in dataset");
  }

  @Test
  void aCancelledRunKeepsWhatItWroteAndCanBeReverted() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    int n = 40;
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(n), Split.TRAIN);
    FakePredictor model = model();
    for (int i = 0; i < n; i++) {
      model.on(width(i), Detection.box(1, "cat", 0.9, 0, 0, 30, 30));
    }
    TaskMonitor cancelAfterThree =
        new TaskMonitor() {
          volatile long done;

          @Override
          public void progress(long value, long total, String message) {
            done = value;
          }

          @Override
          public boolean isCancelled() {
            return done >= 3;
          }
        };

    AnnotateResult result =
        annotator.run(d, null, "fake", model, AnnotateOptions.of(ImageSelection.all()).withThreads(1, 1), cancelAfterThree);

    AnnotationRun run = result.run();
    assertThat(result.cancelled()).isTrue();
    assertThat(run.state()).isEqualTo(AnnotationRun.CANCELLED);
    assertThat(run.imagesDone()).isBetween(3, n - 1);
    assertThat(run.imagesLabeled()).isEqualTo(run.imagesDone());
    long labeled = hashes.stream().filter(h -> !ws.labels().get(d.id(), h).isEmpty()).count();
    assertThat(labeled).isEqualTo(run.imagesLabeled());

    assertThat(ws.annotationRuns().revert(run.id(), false).restored()).isEqualTo(run.imagesLabeled());
    assertThat(hashes).allSatisfy(h -> assertThat(ws.labels().get(d.id(), h)).isEmpty());
  }

  @Test
  void aModelFailingOnEveryImageStopsTheRunAsFailed() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    AnnotateTestData.fill(ws, d, unlabeled(8), Split.TRAIN);
    FakePredictor model = model();
    model.failure = new IllegalStateException("session is broken");

    assertThatThrownBy(() -> run(d, model, AnnotateOptions.of(ImageSelection.all())))
        .isInstanceOf(WorkspaceException.class)
        .hasMessageContaining("failed on each of the first 5 images")
        .hasMessageContaining("session is broken");
    AnnotationRun run = ws.annotationRuns().list(d.id()).get(0);
    assertThat(run.state()).isEqualTo(AnnotationRun.FAILED);
    assertThat(run.message()).contains("session is broken");
  }

  @Test
  void anUnreadableImageIsCountedAndTheOthersAreLabeled() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(2), Split.TRAIN);
    java.nio.file.Files.write(ws.content().path(hashes.get(0)), new byte[] {1, 2, 3}); // damaged on disk
    FakePredictor model = model().on(width(1), Detection.box(1, "cat", 0.9, 0, 0, 30, 30));

    AnnotationRun run = run(d, model, AnnotateOptions.of(ImageSelection.all())).run();

    assertThat(run.state()).isEqualTo(AnnotationRun.COMPLETED);
    assertThat(run.imagesFailed()).isEqualTo(1);
    assertThat(run.imagesLabeled()).isEqualTo(1);
    assertThat(run.message()).startsWith("img0.png: cannot decode");
  }

  @Test
  void classesAreMatchedByNameAndMissingOnesAddedOnlyWhenAsked() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("bird"));
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(1), Split.TRAIN);
    FakePredictor model = model().on(width(0), Detection.box(1, "cat", 0.9, 0, 0, 30, 30));

    assertThatThrownBy(() -> run(d, model, AnnotateOptions.of(ImageSelection.all())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("none of the model's 2 classes")
        .hasMessageContaining("--add-classes");
    assertThat(ws.annotationRuns().list(d.id())).isEmpty();

    AnnotateResult result = run(d, model, AnnotateOptions.of(ImageSelection.all()).withAddClasses(true));

    assertThat(ws.datasets().require(d.id()).classNames()).containsExactly("bird", "dog", "cat");
    assertThat(ws.labels().get(d.id(), hashes.get(0))).extracting(Label::classId).containsExactly(2);
    assertThat(result.classDifferences()).contains("dataset only: bird");
  }

  @Test
  void revertRemovesTheClassesTheRunAddedWhenNothingUsesThemOrComesAfterThem() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("bird"));
    AnnotateTestData.fill(ws, d, unlabeled(1), Split.TRAIN);
    // the model sees a cat: its two classes are added, the run labels a cat
    AnnotateResult result = run(d, model().on(width(0), Detection.box(1, "cat", 0.9, 0, 0, 30, 30)),
        AnnotateOptions.of(ImageSelection.all()).withAddClasses(true));
    assertThat(ws.datasets().require(d.id()).classNames()).containsExactly("bird", "dog", "cat");

    RevertResult reverted = ws.annotationRuns().revert(result.run().id(), false);

    assertThat(reverted.classesRemoved()).containsExactly("dog", "cat");
    assertThat(reverted.classesKept()).isEmpty();
    assertThat(ws.datasets().require(d.id()).classNames()).containsExactly("bird");
  }

  @Test
  void revertKeepsAddedClassesThatLabelsUseOrThatLaterClassesFollow() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("bird"));
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(2), Split.TRAIN);
    AnnotateResult first = run(d, model().on(width(0), Detection.box(1, "cat", 0.9, 0, 0, 30, 30)),
        AnnotateOptions.of(ImageSelection.split(Split.TRAIN)).withAddClasses(true));
    // a hand label of the added "cat" (id 2) on the other image: the run did not write it
    ws.labels().put(d.id(), hashes.get(1), List.of(new BoxLabel(2, 0.5, 0.5, 0.2, 0.2)));

    RevertResult reverted = ws.annotationRuns().revert(first.run().id(), false);

    assertThat(reverted.classesRemoved()).isEmpty(); // cat is last and used; dog is before it
    assertThat(reverted.classesKept()).containsExactly("dog", "cat");
    assertThat(ws.datasets().require(d.id()).classNames()).containsExactly("bird", "dog", "cat");

    Dataset other = AnnotateTestData.dataset(ws, Task.DETECT, List.of("bird"));
    AnnotateTestData.fill(ws, other, unlabeled(1), Split.TRAIN);
    AnnotateResult second = run(other, model().on(width(0), Detection.box(1, "cat", 0.9, 0, 0, 30, 30)),
        AnnotateOptions.of(ImageSelection.all()).withAddClasses(true));
    ws.classes().add(other.id(), "fish"); // after the run's classes: removing them would renumber it
    RevertResult secondReverted = ws.annotationRuns().revert(second.run().id(), false);
    assertThat(secondReverted.classesRemoved()).isEmpty();
    assertThat(secondReverted.classesKept()).containsExactly("dog", "cat");
    assertThat(ws.datasets().require(other.id()).classNames()).containsExactly("bird", "dog", "cat", "fish");
  }

  @Test
  void aRunOverAnotherIsNamedWhenTheOlderIsRevertedFirstAndForcingItLeavesNothingToResurrect() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(1), Split.TRAIN);
    AnnotationRun first = run(d, model().on(width(0), Detection.box(1, "cat", 0.9, 10, 10, 50, 50)),
        AnnotateOptions.of(ImageSelection.all())).run();
    AnnotationRun second = run(d, model().on(width(0), Detection.box(0, "dog", 0.9, 12, 12, 30, 30)),
        AnnotateOptions.of(ImageSelection.all())).run();

    RevertResult refused = ws.annotationRuns().revert(first.id(), false);
    assertThat(refused.refused()).isTrue();
    assertThat(refused.laterRuns()).containsExactly(second.id());

    assertThat(ws.annotationRuns().revert(first.id(), true).refused()).isFalse();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEmpty();
    // the later run has nothing left to undo here: its revert must not bring the first run's cat back
    RevertResult later = ws.annotationRuns().revert(second.id(), false);
    assertThat(later.refused()).as("edited since: %s", later.editedSince()).isFalse();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEmpty();
  }

  @Test
  void predictionsOfClassesTheDatasetLacksAreDroppedAndCounted() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("cat"));
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(1), Split.TRAIN);
    FakePredictor model =
        model().on(width(0), Detection.box(0, "dog", 0.9, 0, 0, 30, 30), Detection.box(1, "cat", 0.9, 40, 40, 60, 60));

    AnnotateResult result = run(d, model, AnnotateOptions.of(ImageSelection.all()));

    assertThat(result.unmappedPredictions()).isEqualTo(1);
    assertThat(result.classDifferences()).contains("model only: dog");
    assertThat(ws.labels().get(d.id(), hashes.get(0))).extracting(Label::classId).containsExactly(0);
  }

  @Test
  void aModelOfAnotherTaskIsRefusedBeforeAnythingRuns() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.SEGMENT, CLASSES);
    AnnotateTestData.fill(ws, d, unlabeled(1), Split.TRAIN);
    assertThatThrownBy(() -> run(d, model(), AnnotateOptions.of(ImageSelection.all())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a detect model does not fit segment dataset '" + d.slug() + "'");
  }

  @Test
  void predictImageProposesLabelsWithoutWritingThem() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    BoxLabel existing = new BoxLabel(0, 0.5, 0.5, 0.4, 0.5);
    List<String> hashes = AnnotateTestData.fill(ws, d, List.of(List.of(existing)), Split.TRAIN);
    FakePredictor model =
        model().on(width(0), Detection.box(1, "cat", 0.9, 31, 21, 70, 60), Detection.box(0, "dog", 0.6, 0, 0, 20, 20));
    Path file = dir.resolve("fake.onnx");
    java.nio.file.Files.writeString(file, "not really onnx");
    var record = ws.models().importFile(file, dev.loupe.core.workspace.NewModel.defaults(), p -> model.info());
    AutoAnnotator withModels = new AutoAnnotator(ws, path -> {
      assertThat(path).isEqualTo(ws.models().file(record));
      return model;
    });

    DatasetPrediction prediction = withModels.predictImage(d.slug(), hashes.get(0), record.slug(), 0.5, 0.6);

    assertThat(prediction.prediction().results()).hasSize(2);
    assertThat(prediction.labels()).extracting(Label::classId).containsExactly(1);
    assertThat(model.options.get(0).iou()).isEqualTo(0.6);
    assertThat(model.closed).isTrue();
    assertThat(ws.labels().get(d.id(), hashes.get(0))).containsExactly(existing);
    assertThat(ws.annotationRuns().list(d.id())).isEmpty();
  }

  @Test
  void anImageEditedWhileTheRunLooksAtItKeepsTheEdit() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, CLASSES);
    List<String> hashes = AnnotateTestData.fill(ws, d, unlabeled(2), Split.TRAIN);
    FakePredictor model =
        model().on(width(0), Detection.box(1, "cat", 0.9, 0, 0, 30, 30))
            .on(width(1), Detection.box(1, "cat", 0.9, 0, 0, 30, 30));
    List<Label> edit = List.of(new BoxLabel(1, 0.8, 0.8, 0.1, 0.1));
    TaskMonitor editsTheFirstImage =
        new TaskMonitor() {
          @Override
          public void progress(long done, long total, String message) {
            if (done == 1) { // after the run read image 0's labels, before its batch is written
              ws.labels().put(d.id(), hashes.get(0), edit);
            }
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };

    AnnotateResult result =
        annotator.run(d, null, "fake", model, AnnotateOptions.of(ImageSelection.all()).withThreads(1, 1), editsTheFirstImage);

    assertThat(ws.labels().get(d.id(), hashes.get(0))).isEqualTo(edit);
    assertThat(ws.labels().get(d.id(), hashes.get(1))).hasSize(1);
    assertThat(result.refused()).containsOnlyKeys(hashes.get(0));
    assertThat(result.run().imagesLabeled()).isEqualTo(1);
    assertThat(result.run().message()).contains("edited during the run");
    assertThat(ws.annotationRuns().previousLabels(result.run().id(), hashes.get(0))).isEmpty();
  }
}
