package dev.loupe.core.io;

import java.io.IOException;

/**
 * An archive Loupe refuses to unpack: an entry that would land outside the target folder, a link or
 * device file, or more bytes or entries than the {@link ArchiveLimits} allow.
 */
public class UnsafeArchiveException extends IOException {
  public UnsafeArchiveException(String message) {
    super(message);
  }
}
