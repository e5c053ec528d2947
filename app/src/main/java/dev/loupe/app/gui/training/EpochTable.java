package dev.loupe.app.gui.training;

import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.training.HeadlineMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A run's epochs as a Tablesaw table: the epoch, the task's headline metrics (mAP50, mAP50-95,
 * precision and recall of its own kind of result; top-1 and top-5 accuracy stand for mAP50 and
 * mAP50-95 in a classify run), the first parameter group's learning rate, and every loss column of
 * results.csv. A value a row lacks is missing in the table and left out of its curve.
 */
public final class EpochTable {
  static final String EPOCH = "epoch";
  static final String LEARNING_RATE = "lr/pg0";

  private final Table table;
  private final List<String> losses;

  private EpochTable(Table table, List<String> losses) {
    this.table = table;
    this.losses = losses;
  }

  /** The table of {@code epochs} (in their order) of a run of {@code task}. */
  public static EpochTable of(Task task, List<TrainingEpoch> epochs) {
    Set<String> lossNames = new LinkedHashSet<>();
    for (TrainingEpoch e : epochs) {
      e.values().keySet().stream().filter(k -> k.contains("loss")).forEach(lossNames::add);
    }
    IntColumn epoch = IntColumn.create(EPOCH);
    List<DoubleColumn> headline = new ArrayList<>();
    for (EpochChart chart : EpochChart.values()) {
      if (chart != EpochChart.LOSSES) {
        headline.add(DoubleColumn.create(chart.metric()));
      }
    }
    List<DoubleColumn> lossColumns = new ArrayList<>();
    lossNames.forEach(n -> lossColumns.add(DoubleColumn.create(n)));
    for (TrainingEpoch e : epochs) {
      epoch.append(e.epoch());
      HeadlineMetrics m = HeadlineMetrics.of(task, e.values());
      append(headline.get(0), m.map50() != null ? m.map50() : m.top1());
      append(headline.get(1), m.map5095() != null ? m.map5095() : m.top5());
      append(headline.get(2), m.precision());
      append(headline.get(3), m.recall());
      append(headline.get(4), e.value(LEARNING_RATE));
      for (DoubleColumn c : lossColumns) {
        append(c, e.value(c.name()));
      }
    }
    Table table = Table.create("epochs", epoch);
    headline.forEach(table::addColumns);
    lossColumns.forEach(table::addColumns);
    return new EpochTable(table, List.copyOf(lossNames));
  }

  private static void append(DoubleColumn column, Double value) {
    if (value == null) {
      column.appendMissing();
    } else {
      column.append(value);
    }
  }

  /** The Tablesaw table (epoch, headline metrics, learning rate, losses). */
  public Table table() {
    return table;
  }

  public int rowCount() {
    return table.rowCount();
  }

  /** The curves a chart draws: one per loss column for {@link EpochChart#LOSSES}, else one. */
  public List<Curve> curves(EpochChart chart) {
    if (chart == EpochChart.LOSSES) {
      return losses.stream().map(n -> curve(n, n)).toList();
    }
    return List.of(curve(chart.metric(), chart.metric()));
  }

  private Curve curve(String name, String column) {
    IntColumn epochs = table.intColumn(EPOCH);
    DoubleColumn values = table.doubleColumn(column);
    List<Point> points = new ArrayList<>();
    for (int row = 0; row < table.rowCount(); row++) {
      if (!values.isMissing(row)) {
        points.add(new Point(epochs.getInt(row), values.getDouble(row)));
      }
    }
    return new Curve(name, List.copyOf(points));
  }

  /** One curve: a name ({@code train/box_loss}, {@code mAP50}) and its points by epoch. */
  public record Curve(String name, List<Point> points) {}

  /** A value at an epoch. */
  public record Point(int epoch, double value) {}
}
