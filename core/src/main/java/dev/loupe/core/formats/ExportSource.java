package dev.loupe.core.formats;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.util.function.Consumer;

/** A dataset to export: the workspace's live dataset or one of its immutable versions. */
public interface ExportSource {
  Dataset dataset();

  long imageCount();

  /** Streams every image with its labels, in the order they were added. */
  void forEach(Consumer<ExportItem> out, TaskMonitor monitor) throws IOException;
}
