package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.TrainingEpoch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResultsCsvTest {
  @TempDir Path dir;

  private static String csv(Task task, int epochs, boolean padded) {
    List<String> columns = ResultsHeaders.of(task);
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", columns.stream().map(c -> padded ? String.format("%22s", c) : c).toList()))
        .append('\n');
    for (int e = 1; e <= epochs; e++) {
      List<String> values = new ArrayList<>();
      for (String c : columns) {
        String v = c.equals("epoch") ? Integer.toString(e) : Double.toString(ResultsHeaders.value(c, e, epochs));
        values.add(padded ? String.format("%22s", v) : v);
      }
      sb.append(String.join(",", values)).append('\n');
    }
    return sb.toString();
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB", "CLASSIFY"})
  void everyTasksColumnsAreReadByTheirTrimmedNames(Task task) {
    for (boolean padded : List.of(true, false)) {
      List<TrainingEpoch> rows = ResultsCsv.parse(csv(task, 3, padded));
      assertThat(rows).extracting(TrainingEpoch::epoch).containsExactly(1, 2, 3);
      List<String> expected = new ArrayList<>(ResultsHeaders.of(task));
      expected.remove("epoch");
      assertThat(rows.get(2).values().keySet()).containsExactlyElementsOf(expected);
      assertThat(rows.get(1).value("lr/pg0")).isEqualTo(0.01);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB"})
  void headlineMetricsAreTheTasksOwnKind(Task task) {
    TrainingEpoch last = ResultsCsv.parse(csv(task, 4, true)).get(3);
    HeadlineMetrics m = HeadlineMetrics.of(task, last.values());
    String kind = task == Task.SEGMENT ? "M" : task == Task.POSE ? "P" : "B";
    assertThat(m.map50()).isEqualTo(last.value("metrics/mAP50(" + kind + ")")).isEqualTo(0.9);
    assertThat(m.map5095()).isEqualTo(last.value("metrics/mAP50-95(" + kind + ")"));
    assertThat(m.precision()).isEqualTo(last.value("metrics/precision(" + kind + ")"));
    assertThat(m.recall()).isEqualTo(last.value("metrics/recall(" + kind + ")"));
    assertThat(m.top1()).isNull();
    // Ultralytics' fitness: 0.1 mAP50 + 0.9 mAP50-95, boxes plus masks or keypoints where there are
    double one = 0.1 * 0.9 + 0.9 * 0.54;
    assertThat(m.fitness()).isCloseTo(task == Task.SEGMENT || task == Task.POSE ? 2 * one : one, within(1e-9));
  }

  @Test
  void classifyHasAccuracyAndNoMap() {
    TrainingEpoch last = ResultsCsv.parse(csv(Task.CLASSIFY, 2, false)).get(1);
    HeadlineMetrics m = HeadlineMetrics.of(Task.CLASSIFY, last.values());
    assertThat(m.map50()).isNull();
    assertThat(m.top1()).isEqualTo(0.9);
    assertThat(m.top5()).isEqualTo(0.99);
    assertThat(m.fitness()).isCloseTo((0.9 + 0.99) / 2, within(1e-9));
  }

  @Test
  void aFitnessColumnIsWhatBestIsChosenBy() {
    String text = "epoch,metrics/mAP50(B),metrics/mAP50-95(B),fitness\n"
        + "1,0.5,0.3,0.9\n"
        + "2,0.6,0.4,0.2\n"
        + "3,0.7,0.5,nan\n";
    List<TrainingEpoch> rows = ResultsCsv.parse(text);
    assertThat(HeadlineMetrics.best(rows).epoch()).isEqualTo(1);
    assertThat(rows.get(2).values()).doesNotContainKey("fitness"); // nan is no value
    // a row without its fitness falls back to the formula: 0.1 * 0.7 + 0.9 * 0.5 = 0.52 beats 0.2
    assertThat(HeadlineMetrics.best(rows.subList(1, 3)).epoch()).isEqualTo(3);
  }

  @Test
  void withoutAFitnessColumnBestIsByUltralyticsFormula() {
    String text = "epoch,metrics/mAP50(B),metrics/mAP50-95(B)\n1,0.9,0.1\n2,0.5,0.4\n3,0.2,0.2\n";
    assertThat(HeadlineMetrics.best(ResultsCsv.parse(text)).epoch()).isEqualTo(2);
    assertThat(HeadlineMetrics.best(List.of())).isNull();
  }

  @Test
  void followsTheFileAsItGrowsAndWaitsForAPartialLastLine() throws IOException {
    Path file = dir.resolve("results.csv");
    ResultsCsv tail = new ResultsCsv(file);
    assertThat(tail.poll()).isEmpty(); // not written yet
    String all = csv(Task.DETECT, 3, true);
    String[] lines = all.split("(?<=\n)");
    Files.writeString(file, lines[0].substring(0, 30));
    assertThat(tail.poll()).isEmpty();
    assertThat(tail.columns()).isEmpty(); // the header is not complete
    append(file, lines[0].substring(30) + lines[1] + lines[2].substring(0, 40));
    assertThat(tail.poll()).extracting(TrainingEpoch::epoch).containsExactly(1);
    assertThat(tail.columns()).startsWith("epoch", "time", "train/box_loss");
    assertThat(tail.poll()).isEmpty();
    append(file, lines[2].substring(40) + lines[3]);
    List<TrainingEpoch> rows = tail.poll();
    assertThat(rows).extracting(TrainingEpoch::epoch).containsExactly(2, 3);
    assertThat(rows.get(0).value("metrics/mAP50(B)")).isEqualTo(ResultsHeaders.value("metrics/mAP50(B)", 2, 3));
  }

  @Test
  void aFileWrittenAnewIsReadFromItsStart() throws IOException {
    Path file = dir.resolve("results.csv");
    Files.writeString(file, csv(Task.DETECT, 3, false));
    ResultsCsv tail = new ResultsCsv(file);
    assertThat(tail.poll()).hasSize(3);
    Files.writeString(file, csv(Task.CLASSIFY, 1, false));
    List<TrainingEpoch> rows = tail.poll();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).values()).containsKey("metrics/accuracy_top1");
  }

  @Test
  void rowsThatDoNotFitTheHeaderAreSkipped() {
    String text = "epoch,time,metrics/mAP50(B)\n1,2.0\n,3.0,0.5\n2,4.0,0.6\r\n\n";
    List<TrainingEpoch> rows = ResultsCsv.parse(text);
    assertThat(rows).extracting(TrainingEpoch::epoch).containsExactly(2);
    assertThat(rows.get(0).value("metrics/mAP50(B)")).isEqualTo(0.6);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
