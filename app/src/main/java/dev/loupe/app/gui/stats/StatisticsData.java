package dev.loupe.app.gui.stats;

import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.workspace.SplitCount;
import java.util.List;

/**
 * What the statistics view shows of a dataset: core's class statistics (the numbers of
 * {@code loupe stats --json}), images and labels per split, and the dataset revision they were read
 * at (a later revision means a change they do not show).
 */
public record StatisticsData(ClassStats stats, List<SplitCount> splits, long revision) {
  public StatisticsData {
    splits = List.copyOf(splits);
  }
}
