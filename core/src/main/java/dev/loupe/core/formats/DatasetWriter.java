package dev.loupe.core.formats;

import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a dataset in one format to a folder, a file or a zip, as the writer's format defines. */
public interface DatasetWriter {
  String formatName();

  /**
   * Writes {@code source} to {@code target}; a target ending in {@code .zip} gets a zip archive.
   *
   * @return the number of images written
   */
  long write(ExportSource source, Path target, TaskMonitor monitor) throws IOException;
}
