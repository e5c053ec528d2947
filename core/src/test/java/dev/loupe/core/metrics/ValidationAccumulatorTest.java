package dev.loupe.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.inference.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationAccumulatorTest {
  static final List<String> NAMES = List.of("cat", "dog");

  static Detection box(int cls, double conf, double x1, double y1, double x2, double y2) {
    return Detection.box(cls, NAMES.get(cls), conf, x1, y1, x2, y2);
  }

  /**
   * Image 1: a cat found exactly (0.9), a dog found with IoU 0.62 (0.8). Image 2: a cat missed and a
   * cat predicted elsewhere (0.95). Cat: false then true positive of 2 truths, recall 0 .5,
   * precision 0 .5: envelope .5 to recall .5, then down to 0 at 1: AP 0.25 + 0.125 = 0.375 at every
   * threshold. Dog: one true positive up to IoU 0.60: AP 0.995 there, 0 above; mAP50-95 0.2985.
   * Mean F1 is best for confidences up to 0.8: cat P = R = 0.5, dog P = R = 1.
   */
  @Test
  void boxesOfTwoImagesByHand() {
    ValidationAccumulator acc = new ValidationAccumulator(NAMES);
    acc.addBoxes(
        List.of(box(0, 0.9, 0, 0, 10, 10), box(1, 0.8, 20, 20, 30, 26.2)),
        List.of(box(0, 1, 0, 0, 10, 10), box(1, 1, 20, 20, 30, 30)));
    acc.addBoxes(List.of(box(0, 0.95, 50, 50, 60, 60)), List.of(box(0, 1, 0, 0, 10, 10)));
    acc.addBoxes(List.of(), List.of());

    ValidationMetrics metrics = acc.result();

    ClassMetrics cat = metrics.classes().get(0);
    ClassMetrics dog = metrics.classes().get(1);
    assertThat(cat).extracting(ClassMetrics::classId, ClassMetrics::name, ClassMetrics::images, ClassMetrics::instances)
        .containsExactly(0, "cat", 2, 2);
    assertThat(dog).extracting(ClassMetrics::classId, ClassMetrics::name, ClassMetrics::images, ClassMetrics::instances)
        .containsExactly(1, "dog", 1, 1);
    assertThat(cat.map50()).isCloseTo(0.375, within(1e-9));
    assertThat(cat.map50to95()).isCloseTo(0.375, within(1e-9));
    assertThat(dog.map50()).isCloseTo(0.995, within(1e-9));
    assertThat(dog.map50to95()).isCloseTo(0.2985, within(1e-9));
    assertThat(cat.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(cat.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(dog.precision()).isCloseTo(1.0, within(1e-9));
    assertThat(dog.recall()).isCloseTo(1.0, within(1e-9));

    ClassMetrics all = metrics.all();
    assertThat(all.images()).isEqualTo(3);
    assertThat(all.instances()).isEqualTo(3);
    assertThat(all.map50()).isCloseTo(0.685, within(1e-9));
    assertThat(all.map50to95()).isCloseTo(0.33675, within(1e-9));
    assertThat(all.precision()).isCloseTo(0.75, within(1e-9));
    assertThat(all.recall()).isCloseTo(0.75, within(1e-9));
    assertThat(metrics.fitness()).isCloseTo(0.1 * 0.685 + 0.9 * 0.33675, within(1e-9));
  }

  @Test
  void withoutATruePositiveEveryFigureIsZero() {
    ValidationAccumulator acc = new ValidationAccumulator(NAMES);
    acc.addBoxes(List.of(box(1, 0.9, 0, 0, 10, 10)), List.of(box(0, 1, 0, 0, 10, 10)));

    ValidationMetrics metrics = acc.result();

    assertThat(metrics.all().map50()).isZero();
    assertThat(metrics.all().precision()).isZero();
    assertThat(metrics.classes()).extracting(ClassMetrics::name).containsExactly("cat");
  }

  @Test
  void rotatedBoxesKeypointsAndMasksAreComparedByTheirOwnSimilarity() {
    Detection obb = new Detection(0, "cat", 0.9, 0, 0, 40, 20, List.of(), null, new double[] {20, 10, 40, 20, 0});
    Detection turned = new Detection(0, "cat", 1, 0, 0, 40, 20, List.of(), null, new double[] {20, 10, 20, 40, Math.PI / 2});
    ValidationAccumulator rotated = new ValidationAccumulator(NAMES);
    rotated.addRotatedBoxes(List.of(obb), List.of(turned));
    assertThat(rotated.result().all().map50to95()).isCloseTo(0.995, within(1e-9));

    Detection person = new Detection(0, "cat", 0.9, 0, 0, 10, 10, List.of(), new double[] {2, 2, 1, 8, 8, 1}, null);
    Detection moved = new Detection(0, "cat", 0.9, 0, 0, 10, 10, List.of(), new double[] {12, 2, 1, 8, 8, 1}, null);
    ValidationAccumulator pose = new ValidationAccumulator(NAMES);
    pose.addKeypoints(List.of(moved), List.of(person), 3);
    // OKS (exp(-100 / 106) + 1) / 2 = 0.6946: a true positive up to 0.65, 4 of 10 thresholds
    assertThat(pose.result().all().map50to95()).isCloseTo(0.995 * 4 / 10, within(1e-9));

    Detection square = new Detection(0, "cat", 0.9, 0, 0, 8, 8, List.of(new double[] {0, 0, 8, 0, 8, 8, 0, 8}), null, null);
    Detection half = new Detection(0, "cat", 1, 0, 0, 8, 4, List.of(new double[] {0, 0, 8, 0, 8, 4, 0, 4}), null, null);
    ValidationAccumulator masks = new ValidationAccumulator(NAMES);
    masks.addMasks(List.of(square), List.of(half), 8, 8, 1.0);
    // mask IoU 0.5: a true positive at 0.50 only
    assertThat(masks.result().all().map50()).isCloseTo(0.995, within(1e-9));
    assertThat(masks.result().all().map50to95()).isCloseTo(0.0995, within(1e-9));
  }
}
