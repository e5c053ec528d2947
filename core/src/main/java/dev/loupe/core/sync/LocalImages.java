package dev.loupe.core.sync;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dataset's images by hash, oldest first, read page by page from the image index. */
final class LocalImages {
  private static final int PAGE = ImageQuery.MAX_LIMIT;

  private LocalImages() {}

  static Map<String, ImageRecord> of(Workspace workspace, String datasetId) {
    Map<String, ImageRecord> out = new LinkedHashMap<>();
    ImageQuery q = ImageQuery.all().withSort(ImageSort.OLDEST).withPage(0, PAGE);
    while (true) {
      ImagePage page = workspace.images().list(datasetId, q);
      page.images().forEach(r -> out.put(r.hash(), r));
      if (page.nextCursor() == null || page.images().isEmpty()) {
        return out;
      }
      q = q.withCursor(page.nextCursor());
    }
  }
}
