package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.stats.ClassStatsCalculator;

/**
 * Class statistics over every image of a dataset ({@code GET /class-stats}, {@code sampled: false}).
 * They are kept as sums updated by every write ({@link StatsSums}), so they are exact and never
 * stale; {@code cached} says whether they came from the stored sums or a full computation.
 */
public final class ClassStatsService {
  private final Workspace workspace;

  ClassStatsService(Workspace workspace) {
    this.workspace = workspace;
  }

  public ClassStats get(String datasetIdOrSlug) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    ClassStatsCalculator stored = workspace.db().read(c -> StatsSums.stored(c, dataset.id()));
    if (stored != null) {
      return stored.build(dataset.classNames()).withCached(true);
    }
    return recompute(dataset.id());
  }

  /** Computes the statistics from every label again and stores them (a repair; never needed). */
  public ClassStats recompute(String datasetIdOrSlug) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    ClassStatsCalculator sums =
        workspace.db().exclusively(
            () ->
                workspace.db().write(
                    c -> {
                      ClassStatsCalculator s = StatsSums.recompute(c, dataset.id());
                      StatsSums.save(c, dataset.id(), s);
                      return s;
                    }));
    return sums.build(dataset.classNames());
  }
}
