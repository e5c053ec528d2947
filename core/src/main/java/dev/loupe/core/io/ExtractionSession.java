package dev.loupe.core.io;

import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One extraction into one folder: checks each entry's path, writes with limits counted on the bytes
 * actually written, reports progress, and removes everything it created when asked to roll back.
 */
final class ExtractionSession {
  private static final long REPORT_EVERY = 4L << 20;

  private final Path root;
  private final ArchiveLimits limits;
  private final TaskMonitor monitor;
  private final long archiveSize;
  private final List<Path> created = new ArrayList<>();
  private final Set<Path> checkedDirs = new HashSet<>();
  private final byte[] buffer = new byte[64 * 1024];
  private Path realRoot;
  private int entries;
  private int files;
  private int skipped;
  private long bytes;
  private long reportedAt;
  private long archiveDone;
  private String current = "";

  ExtractionSession(Path target, ArchiveLimits limits, TaskMonitor monitor, long archiveSize) {
    this.root = target.toAbsolutePath().normalize();
    this.limits = limits;
    this.monitor = monitor;
    this.archiveSize = archiveSize;
  }

  void open() throws IOException {
    createDirectories(root);
    realRoot = root.toRealPath();
  }

  /**
   * Counts an entry and returns where it goes, or null when it is skipped (macOS metadata, the root
   * folder itself). Refuses names that would leave the target folder.
   */
  Path accept(String name) throws IOException {
    monitor.checkCancelled();
    current = name;
    if (++entries > limits.maxEntries()) {
      throw new UnsafeArchiveException(
          "archive has more than " + limits.maxEntries() + " entries (stopped at '" + name + "')");
    }
    List<String> segments = EntryNames.segments(name);
    if (EntryNames.isMacMetadata(segments)) {
      skipped++;
      return null;
    }
    if (segments.isEmpty()) {
      return null;
    }
    try {
      Path out = root.resolve(String.join("/", segments)).normalize();
      if (!out.startsWith(root) || out.equals(root)) {
        throw EntryNames.refuse(name, "it points outside the target folder");
      }
      return out;
    } catch (InvalidPathException e) {
      throw EntryNames.refuse(name, "its name is not valid here (" + e.getReason() + ")");
    }
  }

  void directory(Path dir) throws IOException {
    createDirectories(dir);
  }

  void file(Path file, InputStream in) throws IOException {
    createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
      created.add(file);
      int n;
      while ((n = in.read(buffer)) > 0) {
        monitor.checkCancelled();
        if (bytes + n > limits.maxTotalBytes()) {
          throw new UnsafeArchiveException(
              "archive expands to more than "
                  + limits.maxTotalBytes()
                  + " bytes (stopped at '"
                  + current
                  + "')");
        }
        out.write(buffer, 0, n);
        bytes += n;
        if (bytes - reportedAt >= REPORT_EVERY) {
          report();
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw EntryNames.refuse(current, "a file of that name already exists in the target folder");
    }
    files++;
  }

  /** Records how far through the archive file the reading is, for the progress bar. */
  /**
   * Creates an empty stand-in for a file whose bytes stay in the archive, to be read from it later;
   * its declared size counts against the limit (the later read is bounded by it).
   */
  void placeholder(Path file, long declaredSize) throws IOException {
    createDirectories(file.getParent());
    if (declaredSize < 0 || bytes + declaredSize > limits.maxTotalBytes()) {
      throw new UnsafeArchiveException(
          "archive expands to more than " + limits.maxTotalBytes() + " bytes (stopped at '" + current + "')");
    }
    try {
      Files.createFile(file);
      created.add(file);
    } catch (FileAlreadyExistsException e) {
      throw EntryNames.refuse(current, "a file of that name already exists in the target folder");
    }
    bytes += declaredSize;
    files++;
  }

  void archiveDone(long archiveBytes) {
    archiveDone = archiveBytes;
    report();
  }

  ExtractionResult result() {
    monitor.progress(archiveSize, archiveSize, "extracted " + files + " files");
    return new ExtractionResult(files, bytes, skipped);
  }

  /** Deletes what this session created, newest first; best effort. */
  void rollback() {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException e) {
        // keep going: remove as much as possible
      }
    }
    created.clear();
  }

  private void report() {
    reportedAt = bytes;
    monitor.progress(Math.min(archiveDone, archiveSize), archiveSize, current);
  }

  /** Creates missing folders (recording them) and checks that existing ones lie inside the root. */
  private void createDirectories(Path dir) throws IOException {
    if (checkedDirs.contains(dir)) {
      return;
    }
    Deque<Path> missing = new ArrayDeque<>();
    Path p = dir;
    while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      missing.push(p);
      p = p.getParent();
    }
    if (p != null && realRoot != null && !p.toRealPath().startsWith(realRoot)) {
      throw EntryNames.refuse(current, "a link in the target folder leads outside it");
    }
    if (p != null && !Files.isDirectory(p)) {
      throw EntryNames.refuse(current, "'" + p.getFileName() + "' is a file, not a folder");
    }
    while (!missing.isEmpty()) {
      Path next = missing.pop();
      Files.createDirectory(next);
      created.add(next);
    }
    checkedDirs.add(dir);
  }
}
