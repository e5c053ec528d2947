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
 * snapshot names each image by hash). Task, classes and keypoint shape are those the version
 * captured, not the live dataset's.
 */
final class SnapshotSource implements ExportSource {
  private final DatasetVersion version;
  private final NdjsonReader reader;
  private final DatasetSpec spec;
  private final Dataset dataset;

  SnapshotSource(Workspace workspace, Dataset live, DatasetVersion version) throws IOException {
    this.version = version;
    this.reader = new NdjsonReader(hash -> workspace.content().path(hash));
    this.spec = reader.readSpec(version.file(), new ImportReport());
    this.dataset =
        new Dataset(
            live.id(), live.slug(), live.name(), spec.description(), spec.task(), spec.classNames(),
            live.visibility(), spec.kptShape(), spec.flipIdx(), spec.extra(), live.createdAt(),
            version.createdAt(), live.revision());
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
    reader.readItems(
        version.file(),
        spec,
        new ImportReport(),
        item -> {
          Path file = item.image();
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

  private static long sizeOf(Path file) {
    try {
      return file == null ? 0 : Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
