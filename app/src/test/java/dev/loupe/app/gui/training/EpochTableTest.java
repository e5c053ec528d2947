package dev.loupe.app.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.TrainingEpoch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's epochs as the Tablesaw table and the curves the training view's charts draw. */
class EpochTableTest {
  private static TrainingEpoch epoch(int n, Object... pairs) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], (Double) pairs[i + 1]);
    }
    return new TrainingEpoch(n, values);
  }

  @Test
  void aSegmentRunShowsItsMaskMetricsEveryLossAndLeavesMissingValuesOut() {
    EpochTable table = EpochTable.of(Task.SEGMENT, List.of(
        epoch(1, "train/box_loss", 1.5, "train/seg_loss", 2.0, "metrics/mAP50(B)", 0.4, "metrics/mAP50(M)", 0.3,
            "lr/pg0", 0.01),
        epoch(2, "train/box_loss", 1.2, "train/seg_loss", 1.8, "metrics/mAP50(B)", 0.5, "lr/pg0", 0.009)));

    assertThat(table.rowCount()).isEqualTo(2);
    assertThat(table.table().columnNames()).containsExactly("epoch", "mAP50", "mAP50-95", "Precision", "Recall", "Learning rate",
        "train/box_loss", "train/seg_loss");
    assertThat(table.curves(EpochChart.MAP50)).singleElement()
        .satisfies(c -> assertThat(c.points()).containsExactly(new EpochTable.Point(1, 0.3)));
    assertThat(table.curves(EpochChart.LOSSES)).extracting(EpochTable.Curve::name)
        .containsExactly("train/box_loss", "train/seg_loss");
    assertThat(table.curves(EpochChart.LOSSES).get(0).points())
        .containsExactly(new EpochTable.Point(1, 1.5), new EpochTable.Point(2, 1.2));
    assertThat(table.curves(EpochChart.LEARNING_RATE).get(0).points()).hasSize(2);
    assertThat(table.curves(EpochChart.RECALL).get(0).points()).isEmpty();
  }

  @Test
  void aClassifyRunDrawsTopOneAndTopFiveAccuracyInTheMapCharts() {
    EpochTable table = EpochTable.of(Task.CLASSIFY, List.of(
        epoch(1, "train/loss", 0.9, "metrics/accuracy_top1", 0.6, "metrics/accuracy_top5", 0.95)));
    assertThat(table.curves(EpochChart.MAP50).get(0).points()).containsExactly(new EpochTable.Point(1, 0.6));
    assertThat(table.curves(EpochChart.MAP50_95).get(0).points()).containsExactly(new EpochTable.Point(1, 0.95));
    assertThat(table.curves(EpochChart.LOSSES)).extracting(EpochTable.Curve::name).containsExactly("train/loss");
  }

  @Test
  void noEpochsMakeAnEmptyTableWithEmptyCurves() {
    EpochTable table = EpochTable.of(Task.DETECT, List.of());
    assertThat(table.rowCount()).isZero();
    assertThat(table.curves(EpochChart.LOSSES)).isEmpty();
    assertThat(table.curves(EpochChart.PRECISION).get(0).points()).isEmpty();
  }
}
