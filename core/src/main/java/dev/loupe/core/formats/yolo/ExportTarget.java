package dev.loupe.core.formats.yolo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Where an export's files go: a new folder, or a zip (images stored as they are, text deflated).
 * Entries are named with forward slashes relative to the dataset root. Call {@link #commit()} when
 * everything is written; closing without it removes a half-written zip.
 */
abstract class ExportTarget implements Closeable {
  /** Opens {@code target}: a zip when it ends in .zip, else a folder that must be new or empty. */
  static ExportTarget open(Path target) throws IOException {
    if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return new ZipTarget(target);
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IOException("cannot export to " + target + ": it is a file, not a folder");
    }
    if (Files.isDirectory(target)) {
      try (Stream<Path> children = Files.list(target)) {
        if (children.findAny().isPresent()) {
          throw new IOException(
              "cannot export to " + target + ": the folder is not empty; choose a new or empty one");
        }
      }
    }
    Files.createDirectories(target);
    return new FolderTarget(target);
  }

  abstract void copy(String entry, Path source) throws IOException;

  abstract void text(String entry, String text) throws IOException;

  /** An empty folder (a class without images must still exist for classify). */
  abstract void folder(String entry) throws IOException;

  abstract void commit() throws IOException;

  private static final class FolderTarget extends ExportTarget {
    private final Path root;

    FolderTarget(Path root) {
      this.root = root;
    }

    private Path file(String entry) throws IOException {
      Path p = root.resolve(entry).normalize();
      if (!p.startsWith(root)) {
        throw new IOException("entry " + entry + " would leave the export folder");
      }
      Files.createDirectories(p.getParent());
      return p;
    }

    @Override
    void copy(String entry, Path source) throws IOException {
      Files.copy(source, file(entry), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    void text(String entry, String text) throws IOException {
      Files.writeString(file(entry), text, StandardCharsets.UTF_8);
    }

    @Override
    void folder(String entry) throws IOException {
      Files.createDirectories(root.resolve(entry).normalize());
    }

    @Override
    void commit() {}

    @Override
    public void close() {}
  }

  private static final class ZipTarget extends ExportTarget {
    private final Path target;
    private final Path temp;
    private final ZipArchiveOutputStream zip;
    private boolean committed;

    ZipTarget(Path target) throws IOException {
      this.target = target.toAbsolutePath();
      Files.createDirectories(this.target.getParent());
      this.temp = Files.createTempFile(this.target.getParent(), ".loupe-export-", ".zip.part");
      this.zip = new ZipArchiveOutputStream(temp);
    }

    @Override
    void copy(String entry, Path source) throws IOException {
      ZipArchiveEntry e = new ZipArchiveEntry(entry);
      e.setMethod(ZipEntry.STORED);
      zip.putArchiveEntry(e);
      Files.copy(source, zip);
      zip.closeArchiveEntry();
    }

    @Override
    void text(String entry, String text) throws IOException {
      ZipArchiveEntry e = new ZipArchiveEntry(entry);
      e.setMethod(ZipEntry.DEFLATED);
      zip.putArchiveEntry(e);
      zip.write(text.getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }

    @Override
    void folder(String entry) throws IOException {
      zip.putArchiveEntry(new ZipArchiveEntry(entry.endsWith("/") ? entry : entry + "/"));
      zip.closeArchiveEntry();
    }

    @Override
    void commit() throws IOException {
      zip.close();
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        try {
          zip.close();
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    }
  }
}
