package dev.loupe.core.workspace;

import dev.loupe.core.domain.Split;
import java.sql.PreparedStatement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Redistributes a dataset's images over train, val and test by ratios
 * ({@code POST /splits/redistribute}). The same seed on the same images gives the same splits.
 */
public final class SplitRedistributor {
  private final Workspace workspace;

  SplitRedistributor(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Returns the resulting count per split. */
  public Map<Split, Long> redistribute(String datasetIdOrSlug, SplitRatios ratios, long seed) {
    String datasetId = workspace.datasets().require(datasetIdOrSlug).id();
    ImageIndex index = workspace.images().index(datasetId);
    return workspace
        .db()
        .exclusively(
            () -> {
              long[] seqs = index.liveSeqs();
              shuffle(seqs, new Random(seed));
              double sum = ratios.train() + ratios.val() + ratios.test();
              long nTrain = Math.round(seqs.length * ratios.train() / sum);
              long nVal = Math.min(seqs.length - nTrain, Math.round(seqs.length * ratios.val() / sum));
              Split[] assigned = new Split[seqs.length];
              for (int i = 0; i < seqs.length; i++) {
                assigned[i] = i < nTrain ? Split.TRAIN : i < nTrain + nVal ? Split.VAL : Split.TEST;
              }
              workspace.db().write(
                  c -> {
                    long now = workspace.revisions().now();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "UPDATE image SET split = ?, updated_at = ?, revision = ? WHERE dataset_id = ?"
                                + " AND seq = ? AND split <> ?")) {
                      for (int i = 0; i < seqs.length; i++) {
                        ps.setInt(1, assigned[i].ordinal());
                        ps.setLong(2, now);
                        ps.setLong(3, workspace.revisions().next());
                        ps.setString(4, datasetId);
                        ps.setLong(5, seqs[i]);
                        ps.setInt(6, assigned[i].ordinal());
                        ps.addBatch();
                        if (i % 5000 == 4999) {
                          ps.executeBatch();
                        }
                      }
                      ps.executeBatch();
                    }
                    workspace.datasets().touch(c, datasetId);
                    return null;
                  });
              Map<Split, Long> counts = new EnumMap<>(Split.class);
              for (Split s : Split.values()) {
                counts.put(s, 0L);
              }
              for (int i = 0; i < seqs.length; i++) {
                index.setSplit(seqs[i], assigned[i]);
                counts.merge(assigned[i], 1L, Long::sum);
              }
              return counts;
            });
  }

  /** Fisher-Yates over the seqs sorted by insertion, so the result depends only on seed and images. */
  private static void shuffle(long[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
