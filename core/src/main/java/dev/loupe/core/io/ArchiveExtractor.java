package dev.loupe.core.io;

import dev.loupe.core.task.TaskMonitor;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks ZIP, TAR and gzip-compressed TAR archives into a folder, refusing entries that would land
 * outside it, links and device files, and stopping at the {@link ArchiveLimits}. On any failure or
 * cancellation it deletes what it had extracted.
 */
public final class ArchiveExtractor {
  /** Archive formats, told apart by their first bytes. */
  public enum Format {
    ZIP,
    TAR,
    TAR_GZ
  }

  private static final int TAR_BLOCK = 512;
  private final ArchiveLimits limits;

  public ArchiveExtractor() {
    this(ArchiveLimits.DEFAULT);
  }

  public ArchiveExtractor(ArchiveLimits limits) {
    this.limits = limits;
  }

  public static boolean isArchive(Path file) {
    try {
      return detect(file).isPresent();
    } catch (IOException e) {
      return false;
    }
  }

  /** The archive format by magic bytes (the extension only helps old pre-POSIX tar files). */
  public static Optional<Format> detect(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(TAR_BLOCK);
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
      return Optional.of(Format.ZIP);
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      byte[] inner;
      try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(file))) {
        inner = in.readNBytes(TAR_BLOCK);
      } catch (IOException e) {
        return Optional.empty();
      }
      boolean tarName = name.endsWith(".tar.gz") || name.endsWith(".tgz");
      return isTar(inner, tarName) ? Optional.of(Format.TAR_GZ) : Optional.empty();
    }
    return isTar(head, name.endsWith(".tar")) ? Optional.of(Format.TAR) : Optional.empty();
  }

  private static boolean isTar(byte[] block, boolean tarName) {
    if (block.length < TAR_BLOCK) {
      return false;
    }
    if (new String(block, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return true;
    }
    return tarName && TarUtils.verifyCheckSum(block);
  }

  /**
   * Extracts {@code archive} into {@code target} (created if absent; files already there are never
   * overwritten). Progress is reported as bytes of the archive file read.
   *
   * @throws UnsafeArchiveException for a refused entry or a passed limit, naming the entry
   * @throws dev.loupe.core.task.CancelledException when the monitor asks to stop
   */
  public ExtractionResult extract(Path archive, Path target, TaskMonitor monitor)
      throws IOException {
    return extract(archive, target, monitor, name -> false);
  }

  /**
   * Like {@link #extract(Path, Path, TaskMonitor)}, but the files of a ZIP whose entry names
   * {@code defer} accepts are not written: each gets an empty stand-in, listed in the result, and its
   * bytes are read from the archive when needed ({@link #readDeferred}). Every path check still
   * applies. An import defers images this way, writing them once, into its content store.
   */
  public ExtractionResult extract(
      Path archive, Path target, TaskMonitor monitor, java.util.function.Predicate<String> defer)
      throws IOException {
    Format format =
        detect(archive)
            .orElseThrow(
                () -> new IOException("not a ZIP or TAR archive: " + archive.getFileName()));
    ExtractionSession session = new ExtractionSession(target, limits, monitor, Files.size(archive));
    boolean done = false;
    try {
      session.open();
      if (format == Format.ZIP) {
        java.util.Map<Path, String> deferred = extractZip(archive, session, defer);
        done = true;
        ExtractionResult written = session.result();
        return new ExtractionResult(written.files(), written.bytes(), written.skipped(), deferred);
      } else {
        extractTar(archive, format == Format.TAR_GZ, session);
      }
      done = true;
      return session.result();
    } finally {
      if (!done) {
        session.rollback();
      }
    }
  }

  private static java.util.Map<Path, String> extractZip(
      Path archive, ExtractionSession session, java.util.function.Predicate<String> defer)
      throws IOException {
    java.util.Map<Path, String> deferred = new java.util.HashMap<>();
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      long read = 0;
      Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry entry = entries.nextElement();
        Path out = session.accept(entry.getName());
        if (out == null) {
          continue;
        }
        String refusal = zipRefusal(entry);
        if (refusal != null) {
          throw EntryNames.refuse(entry.getName(), refusal);
        }
        if (entry.isDirectory()) {
          session.directory(out);
        } else if (!zip.canReadEntryData(entry)) {
          throw new IOException(
              "cannot read archive entry '" + entry.getName() + "': encrypted or unsupported");
        } else if (defer.test(entry.getName()) && entry.getSize() >= 0) {
          session.placeholder(out, entry.getSize());
          deferred.put(out, entry.getName());
        } else {
          try (InputStream in = zip.getInputStream(entry)) {
            session.file(out, in);
          }
        }
        read += Math.max(0, entry.getCompressedSize());
        session.archiveDone(read);
      }
    }
    return deferred;
  }

  /**
   * The bytes of a deferred entry of a ZIP, read through {@code zip} (thread-safe for concurrent
   * reads). Reads no more than the entry's declared size: an entry that holds more is refused.
   */
  public static byte[] readDeferred(java.util.zip.ZipFile zip, String entryName) throws IOException {
    java.util.zip.ZipEntry entry = zip.getEntry(entryName);
    if (entry == null || entry.getSize() < 0 || entry.getSize() > Integer.MAX_VALUE - 16) {
      throw new IOException("cannot read archive entry '" + entryName + "'");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return readDeclared(in, (int) entry.getSize(), entryName);
    }
  }

  /** Exactly {@code size} bytes of an entry; refuses one that holds fewer or more. */
  static byte[] readDeclared(InputStream in, int size, String entryName) throws IOException {
    byte[] bytes = new byte[size];
    int n = in.readNBytes(bytes, 0, size);
    if (n != size || in.read() != -1) {
      throw new UnsafeArchiveException(
          "archive entry '" + entryName + "' does not hold the size its header states");
    }
    return bytes;
  }

  private static String zipRefusal(ZipArchiveEntry entry) {
    if (entry.isUnixSymlink()) {
      return "it is a symbolic link";
    }
    if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
      int type = entry.getUnixMode() & 0170000;
      if (type != 0 && type != 0100000 && type != 0040000) {
        return "it is a link or special file";
      }
    }
    return null;
  }

  private static void extractTar(Path archive, boolean gzip, ExtractionSession session)
      throws IOException {
    try (CountingInputStream counted =
            new CountingInputStream(new BufferedInputStream(Files.newInputStream(archive)));
        InputStream raw = gzip ? new GzipCompressorInputStream(counted, true) : counted;
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = session.accept(entry.getName());
        if (out == null) {
          continue;
        }
        String refusal = tarRefusal(entry);
        if (refusal != null) {
          throw EntryNames.refuse(entry.getName(), refusal);
        }
        if (entry.isDirectory()) {
          session.directory(out);
        } else {
          session.file(out, tar);
        }
        session.archiveDone(counted.count);
      }
    }
  }

  private static String tarRefusal(TarArchiveEntry entry) {
    if (entry.isSymbolicLink()) {
      return "it is a symbolic link";
    } else if (entry.isLink()) {
      return "it is a hard link";
    } else if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return "it is a device file";
    } else if (entry.isFIFO()) {
      return "it is a FIFO";
    } else if (!entry.isDirectory() && !entry.isFile()) {
      return "it is neither a file nor a folder";
    }
    return null;
  }

  /** Counts the bytes read from the archive file, for progress. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
