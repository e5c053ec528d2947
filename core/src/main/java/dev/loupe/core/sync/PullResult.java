package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.ImportReport;
import java.util.List;

/**
 * What a pull (or the incoming half of a sync) did.
 *
 * @param report the import of the new remote images (the shape of {@code loupe import}); images that
 *     could not be fetched are counted in it as missing images
 * @param updated images whose labels or split were taken from the remote side
 * @param deleted images deleted here (deleted remotely since the last sync)
 * @param failed each image that could not be fetched: its file, remote name and why
 */
public record PullResult(Dataset dataset, ImportReport report, int updated, int deleted, List<String> failed) {
  public PullResult {
    failed = List.copyOf(failed);
  }

  /** Images added by this pull. */
  public long imported() {
    return report.importedImages();
  }
}
