package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The live state of a dataset, streamed for an export or a version snapshot. */
final class WorkspaceExportSource implements ExportSource {
  private final Workspace workspace;
  private final Dataset dataset;
  private final long imageCount;

  WorkspaceExportSource(Workspace workspace, Dataset dataset) {
    this.workspace = workspace;
    this.dataset = dataset;
    this.imageCount = workspace.images().index(dataset.id()).size();
  }

  @Override
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public long imageCount() {
    return imageCount;
  }

  @Override
  public void forEach(Consumer<ExportItem> out, TaskMonitor monitor) {
    workspace.db().read(
        c -> {
          long[] done = {0};
          DatasetScan.forEach(
              c,
              dataset.id(),
              (image, labels) -> {
                Path file = workspace.content().path(image.hash());
                out.accept(new ExportItem(image, LabelCodec.decode(labels), Files.exists(file) ? file : null));
                if (++done[0] % 1000 == 0) {
                  monitor.checkCancelled();
                  monitor.progress(done[0], imageCount, "exported " + done[0] + " of " + imageCount + " images");
                }
              });
          monitor.progress(done[0], imageCount, "exported " + done[0] + " images");
          return null;
        });
  }
}
