package dev.loupe.app.gui.stats;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;

/** Where the statistics view reads its numbers (the workspace; tests can stand in for it). */
@FunctionalInterface
public interface StatisticsSource {
  /** Reads a dataset's statistics; called off the FX thread. */
  StatisticsData read(String datasetId);

  /**
   * The workspace's class statistics and split counts. The revision is read first, so a change made
   * while they are read leaves them older than the dataset and they are read again.
   */
  static StatisticsSource of(Workspace workspace) {
    return datasetId -> {
      Dataset dataset = workspace.datasets().require(datasetId);
      return new StatisticsData(
          workspace.classStats().get(datasetId), workspace.images().splitCounts(datasetId), dataset.revision());
    };
  }
}
