package dev.loupe.core.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an extraction wrote: files, bytes, entries skipped (macOS metadata), and the files left in the
 * archive behind empty stand-ins (stand-in path to entry name; see {@link ArchiveExtractor#extract(Path,
 * Path, dev.loupe.core.task.TaskMonitor, java.util.function.Predicate)}).
 */
public record ExtractionResult(int files, long bytes, int skipped, Map<Path, String> deferred) {
  public ExtractionResult(int files, long bytes, int skipped) {
    this(files, bytes, skipped, Map.of());
  }
}
