package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.formats.ndjson.NdjsonReader;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A dataset version read back from its NDJSON snapshot, with image bytes from the content store (the
 * snapshot names each image by hash).
 */
final class SnapshotSource implements ExportSource {
  private final Workspace workspace;
  private final Dataset dataset;
  private final DatasetVersion version;

  SnapshotSource(Workspace workspace, Dataset current, DatasetVersion version) {
    this.workspace = workspace;
    this.version = version;
    this.dataset = current;
  }

  @Override
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public long imageCount() {
    return version.imageCount();
  }

  @Override
  public void forEach(Consumer<ExportItem> out, TaskMonitor monitor) throws IOException {
    NdjsonReader reader = new NdjsonReader(hash -> workspace.content().path(hash));
    ImportReport report = new ImportReport();
    DatasetSpec spec = reader.readSpec(version.file(), report);
    Dataset asCaptured =
        new Dataset(
            dataset.id(), dataset.slug(), dataset.name(), spec.description(), spec.task(), spec.classNames(),
            dataset.visibility(), spec.kptShape(), spec.flipIdx(), spec.extra(), dataset.createdAt(),
            version.createdAt(), dataset.revision());
    this.captured = asCaptured;
    reader.readItems(
        version.file(),
        spec,
        report,
        item -> {
          Path file = item.image() != null && Files.exists(item.image()) ? item.image() : null;
          String hash = file != null ? file.getFileName().toString() : "";
          ImageRecord record =
              new ImageRecord(
                  hash, item.filename(), item.width(), item.height(), sizeOf(file), item.split(),
                  item.labels().size(), !item.problems().isEmpty(),
                  item.problems().isEmpty() ? null : String.join("; ", item.problems()), item.url(),
                  version.createdAt(), version.createdAt(), 0);
          out.accept(new ExportItem(record, item.labels(), file));
        },
        monitor);
  }

  private Dataset captured;

  private static long sizeOf(Path file) {
    try {
      return file == null ? 0 : Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
