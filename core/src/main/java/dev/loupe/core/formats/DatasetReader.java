package dev.loupe.core.formats;

import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one dataset format from a folder or file (archives are unpacked before a reader sees them).
 * Readers never abort on bad rows or files: they record them in the report (and on the item) and go
 * on. They throw only when the input is not this format at all or cannot be read.
 */
public interface DatasetReader {
  /** The format's short name, as {@code loupe import --format} spells it. */
  String formatName();

  /** Whether {@code path} looks like this format (cheap: file names and the first bytes only). */
  boolean accepts(Path path) throws IOException;

  /** Reads the dataset-level facts: task, classes, keypoint shape, extra keys. */
  DatasetSpec readSpec(Path path, ImportReport report) throws IOException;

  /** Streams the images, in a stable order, to {@code out}. */
  void readItems(
      Path path, DatasetSpec spec, ImportReport report, Consumer<ImportItem> out, TaskMonitor monitor)
      throws IOException;
}
