package dev.loupe.core.annotate;

import static dev.loupe.core.annotate.AnnotateTestData.HEIGHT;
import static dev.loupe.core.annotate.AnnotateTestData.width;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.metrics.ClassMetrics;
import dev.loupe.core.metrics.ValidationMetrics;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
  @TempDir Path dir;
  Workspace ws;
  Validator validator;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    validator = new Validator(ws, file -> { throw new AssertionError("not used"); });
  }

  @AfterEach
  void close() {
    ws.close();
  }

  /** The pixel box of a normalized label in image i. */
  private static Detection truthBox(int i, int modelClass, BoxLabel b, double conf) {
    double w = width(i);
    return Detection.box(modelClass, "", conf, (b.cx() - b.w() / 2) * w, (b.cy() - b.h() / 2) * HEIGHT,
        (b.cx() + b.w() / 2) * w, (b.cy() + b.h() / 2) * HEIGHT);
  }

  @Test
  void aModelThatFindsEveryValObjectScoresAsUltralyticsPerfectAndTrainImagesAreIgnored() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("cat", "dog"));
    BoxLabel cat = new BoxLabel(0, 0.3, 0.3, 0.2, 0.3);
    BoxLabel dog = new BoxLabel(1, 0.7, 0.6, 0.3, 0.4);
    // images 0, 2 are train (no predictions: would be misses), 1, 3 val
    AnnotateTestData.fill(ws, d, List.of(List.of(cat), List.of(cat, dog), List.of(dog), List.of(dog)), Split.TRAIN, Split.VAL);
    // the model lists the classes in the other order
    FakePredictor model = new FakePredictor(FakePredictor.info(Task.DETECT, List.of("dog", "cat")))
        .on(width(1), truthBox(1, 1, cat, 0.9), truthBox(1, 0, dog, 0.8))
        .on(width(3), truthBox(3, 0, dog, 0.7));

    ValidationReport report = validator.validate(d, "fake", model, ValidateOptions.DEFAULTS, TaskMonitor.NONE);

    assertThat(report.split()).isEqualTo(Split.VAL);
    assertThat(report.images()).isEqualTo(2);
    assertThat(report.metrics()).containsOnlyKeys("box");
    ValidationMetrics box = report.metrics().get("box");
    assertThat(box.all().map50()).isCloseTo(0.995, within(1e-9));
    assertThat(box.all().map50to95()).isCloseTo(0.995, within(1e-9));
    assertThat(box.all().precision()).isCloseTo(1, within(1e-9));
    assertThat(box.all().recall()).isCloseTo(1, within(1e-9));
    assertThat(box.classes()).extracting(ClassMetrics::name).containsExactly("cat", "dog");
    assertThat(box.classes()).extracting(ClassMetrics::instances).containsExactly(1, 2);
    assertThat(report.classDifferences()).contains("another order");
    assertThat(model.options).allSatisfy(o -> assertThat(o.conf()).isEqualTo(0.001));
  }

  @Test
  void aMissedObjectLowersItsClassRecall() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("cat", "dog"));
    BoxLabel cat = new BoxLabel(0, 0.3, 0.3, 0.2, 0.3);
    BoxLabel dog = new BoxLabel(1, 0.7, 0.6, 0.3, 0.4);
    AnnotateTestData.fill(ws, d, List.of(List.of(cat, dog), List.of(dog)), Split.VAL);
    FakePredictor model = new FakePredictor(FakePredictor.info(Task.DETECT, List.of("cat", "dog")))
        .on(width(0), truthBox(0, 0, cat, 0.9), truthBox(0, 1, dog, 0.8));

    ValidationMetrics box =
        validator.validate(d, "fake", model, ValidateOptions.DEFAULTS, TaskMonitor.NONE).metrics().get("box");

    ClassMetrics dogRow = box.classes().get(1);
    assertThat(dogRow.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(box.classes().get(0).recall()).isCloseTo(1, within(1e-9));
    assertThat(box.all().map50()).isLessThan(0.995).isGreaterThan(0.5);
  }

  @Test
  void rotatedBoxesAreComparedAsTheyWereLabeled() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.OBB, List.of("ship"));
    // corners as PredictionLabels writes them for centre (50, 40), 40 x 20, angle 0.3
    double[] obb = {50, 40, 40, 20, 0.3};
    Detection predicted = new Detection(0, "ship", 0.9, 0, 0, 1, 1, List.of(), null, obb);
    ObbLabel label = PredictionLabels.obb(0, predicted, width(0), HEIGHT);
    AnnotateTestData.fill(ws, d, List.of(List.<Label>of(label)), Split.VAL);
    FakePredictor model = new FakePredictor(FakePredictor.info(Task.OBB, List.of("ship"))).on(width(0), predicted);

    ValidationReport report = validator.validate(d, "fake", model, ValidateOptions.DEFAULTS, TaskMonitor.NONE);

    assertThat(report.metrics()).containsOnlyKeys("obb");
    assertThat(report.metrics().get("obb").all().map50to95()).isCloseTo(0.995, within(1e-6));
    double[] corners = label.corners().toArray();
    for (int i = 0; i < 8; i += 2) {
      corners[i] *= width(0);
      corners[i + 1] *= HEIGHT;
    }
    assertThat(GroundTruth.xywhr(corners)).usingComparatorWithPrecision(1e-9).containsExactly(50, 40, 40, 20, 0.3);
  }

  @Test
  void aSplitWithoutImagesOrAModelWithoutSharedClassesIsRefused() throws Exception {
    Dataset d = AnnotateTestData.dataset(ws, Task.DETECT, List.of("cat"));
    AnnotateTestData.fill(ws, d, List.of(List.of()), Split.TRAIN);
    FakePredictor model = new FakePredictor(FakePredictor.info(Task.DETECT, List.of("cat")));
    assertThatThrownBy(() -> validator.validate(d, "fake", model, ValidateOptions.DEFAULTS, TaskMonitor.NONE))
        .hasMessage("dataset '" + d.slug() + "' has no val images to validate on");
    FakePredictor other = new FakePredictor(FakePredictor.info(Task.DETECT, List.of("car")));
    assertThatThrownBy(() -> validator.validate(d, "fake", other, ValidateOptions.DEFAULTS.withSplit(Split.TRAIN),
            TaskMonitor.NONE))
        .hasMessageContaining("none of the model's 1 classes");
  }
}
