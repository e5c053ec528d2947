package dev.loupe.hub;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The live dataset, oldest image first, each image's {@code url} set to a signed hub URL of its
 * bytes, so the NDJSON export names where every image can be fetched.
 */
final class LiveExportSource implements ExportSource {
  private static final int PAGE = ImageQuery.MAX_LIMIT;

  private final Workspace workspace;
  private final Dataset dataset;
  private final UnaryOperator<String> urlOfHash;

  LiveExportSource(Workspace workspace, Dataset dataset, UnaryOperator<String> urlOfHash) {
    this.workspace = workspace;
    this.dataset = dataset;
    this.urlOfHash = urlOfHash;
  }

  @Override
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public long imageCount() {
    return workspace.images().counts(dataset.id()).images();
  }

  @Override
  public void forEach(Consumer<ExportItem> out, TaskMonitor monitor) {
    ImageQuery q = ImageQuery.all().withSort(ImageSort.OLDEST).withPage(0, PAGE);
    while (true) {
      ImagePage page = workspace.images().list(dataset.id(), q);
      for (ImageRecord r : page.images()) {
        ImageRecord withUrl = new ImageRecord(r.hash(), r.filename(), r.width(), r.height(), r.size(), r.split(),
            r.labelCount(), r.hasError(), r.errorReason(), urlOfHash.apply(r.hash()), r.createdAt(), r.updatedAt(),
            r.revision());
        Path file = workspace.content().path(r.hash());
        out.accept(new ExportItem(withUrl, workspace.labels().get(dataset.id(), r.hash()),
            Files.exists(file) ? file : null));
      }
      monitor.checkCancelled();
      if (page.nextCursor() == null || page.images().isEmpty()) {
        return;
      }
      q = q.withCursor(page.nextCursor());
    }
  }
}
