package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
          String columns = ImageStore.COLUMNS.replaceAll("(\\w+)", "i.$1");
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + columns + ", l.data FROM image i JOIN image_labels l"
                      + " ON l.dataset_id = i.dataset_id AND l.hash = i.hash"
                      + " WHERE i.dataset_id = ? ORDER BY i.split, i.filename, i.seq")) {
            ps.setString(1, dataset.id());
            ps.setFetchSize(5_000);
            try (ResultSet rs = ps.executeQuery()) {
              long done = 0;
              while (rs.next()) {
                var image = ImageStore.record(rs);
                Path file = workspace.content().path(image.hash());
                out.accept(
                    new ExportItem(
                        image, LabelCodec.decode(rs.getBytes("data")), Files.exists(file) ? file : null));
                if (++done % 1000 == 0) {
                  monitor.checkCancelled();
                  monitor.progress(done, imageCount, "exported " + done + " of " + imageCount + " images");
                }
              }
              monitor.progress(done, imageCount, "exported " + done + " images");
            }
          }
          return null;
        });
  }
}
