package dev.loupe.core.io;

import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A ZIP read where it lies, through the JDK's zip file system, instead of unpacked: an import of a
 * zipped dataset then writes each image once (into the content store) and no other file.
 *
 * <p>Only a plainly made archive is read in place: every name a clean relative path (no {@code ..},
 * no absolute path, no backslash), no links or special files, no duplicate names, no macOS
 * metadata, nothing encrypted, within the {@link ArchiveLimits} by the sizes the headers declare.
 * Headers can lie about sizes. Images are read later with {@link #readBounded}, which never reads
 * past the declared size. The other entries (labels, data.yaml, JSON) are read as they are, so the
 * archive qualifies only if they cannot together inflate beyond the limit: by the most their
 * compressed bytes can hold (deflate expands at most {@value #MAX_DEFLATE_RATIO}:1) when that fits,
 * otherwise by inflating each once here and comparing its real size with the declared one. Any other
 * archive gets {@link Optional#empty()}, and the caller unpacks it with {@link ArchiveExtractor},
 * which refuses what is unsafe with a precise message.
 */
public final class ZipInPlace implements AutoCloseable {
  /**
   * The most one compressed byte can become under deflate (a 258-byte match in about two bits, RFC
   * 1951), rounded up.
   */
  static final long MAX_DEFLATE_RATIO = 1032;

  private final FileSystem fileSystem;

  private ZipInPlace(FileSystem fileSystem) {
    this.fileSystem = fileSystem;
  }

  /** The archive's root folder. */
  public Path root() {
    return fileSystem.getPath("/");
  }

  /**
   * Opens {@code archive} for reading in place when it qualifies (see the class comment);
   * {@code isImage} names the entries whose size is checked when they are read rather than now.
   */
  public static Optional<ZipInPlace> open(
      Path archive, ArchiveLimits limits, TaskMonitor monitor, Predicate<String> isImage)
      throws IOException {
    if (ArchiveExtractor.detect(archive).orElse(null) != ArchiveExtractor.Format.ZIP
        || !qualifies(archive, limits, monitor, isImage)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ZipInPlace(FileSystems.newFileSystem(archive, Map.of())));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static boolean qualifies(
      Path archive, ArchiveLimits limits, TaskMonitor monitor, Predicate<String> isImage)
      throws IOException {
    long archiveSize = Files.size(archive);
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      Set<String> names = new HashSet<>();
      long declared = 0;
      long images = 0;
      long othersAtMost = 0;
      List<ZipArchiveEntry> others = new ArrayList<>();
      int count = 0;
      Enumeration<ZipArchiveEntry> entries = zip.getEntries();
      while (entries.hasMoreElements()) {
        monitor.checkCancelled();
        ZipArchiveEntry entry = entries.nextElement();
        // the raw name, as the JDK's zip file system will see it (commons-compress turns the
        // backslashes of Windows-made entries into slashes)
        String name =
            entry.getRawName() != null
                ? new String(entry.getRawName(), java.nio.charset.StandardCharsets.UTF_8)
                : entry.getName();
        if (++count > limits.maxEntries()
            || !isPlainName(name)
            || !names.add(name)
            || (!entry.getGeneralPurposeBit().usesUTF8ForNames() && !isAscii(name))) {
          return false;
        }
        if (entry.isUnixSymlink()
            || !zip.canReadEntryData(entry)
            || (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
                && !isFileOrFolderMode(entry.getUnixMode()))) {
          return false;
        }
        if (entry.isDirectory()) {
          continue;
        }
        long size = entry.getSize();
        if (size < 0 || (declared += size) > limits.maxTotalBytes()) {
          return false;
        }
        if (isImage.test(name)) {
          images += size;
        } else {
          others.add(entry);
          othersAtMost = saturatedAdd(othersAtMost, mostItCanHold(entry, size, archiveSize));
        }
      }
      if (saturatedAdd(images, othersAtMost) > limits.maxTotalBytes()) {
        for (ZipArchiveEntry entry : others) {
          monitor.checkCancelled();
          if (!holdsDeclaredSize(zip, entry)) {
            return false;
          }
        }
      }
    } catch (IOException unreadable) {
      return false;
    }
    return true;
  }

  private static boolean isPlainName(String name) {
    if (name.isEmpty() || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0) {
      return false;
    }
    List<String> segments;
    try {
      segments = EntryNames.segments(name);
    } catch (UnsafeArchiveException refused) {
      return false;
    }
    String canonical = String.join("/", segments);
    return !segments.isEmpty()
        && !EntryNames.isMacMetadata(segments)
        && (name.equals(canonical) || name.equals(canonical + "/"));
  }

  /** Names outside ASCII without the UTF-8 flag are in some local code page the extractor guesses. */
  private static boolean isAscii(String name) {
    return name.chars().allMatch(c -> c < 0x80);
  }

  private static boolean isFileOrFolderMode(int mode) {
    int type = mode & 0170000;
    return type == 0 || type == 0100000 || type == 0040000;
  }

  /**
   * The most bytes reading an entry in place can give: a stored entry its declared or its stored
   * size (whichever a reader goes by), a deflated one at most {@link #MAX_DEFLATE_RATIO} times its
   * compressed bytes; the archive's own size bounds what is stored. Other methods are not bounded.
   */
  private static long mostItCanHold(ZipArchiveEntry entry, long declared, long archiveSize) {
    long compressed = entry.getCompressedSize();
    if (entry.getMethod() == ZipArchiveEntry.STORED) {
      return Math.max(declared, Math.min(Math.max(compressed, 0), archiveSize));
    }
    if (entry.getMethod() == ZipArchiveEntry.DEFLATED && compressed >= 0) {
      return saturatedMultiply(Math.min(compressed, archiveSize) + 1, MAX_DEFLATE_RATIO);
    }
    return Long.MAX_VALUE;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private static long saturatedMultiply(long a, long b) {
    return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
  }

  private static boolean holdsDeclaredSize(ZipFile zip, ZipArchiveEntry entry) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > entry.getSize()) {
          return false;
        }
      }
    }
    return total == entry.getSize();
  }

  /**
   * The bytes of a file, never more than its size says: for a file inside an archive read in place,
   * an entry that inflates beyond its declared size is refused rather than read to its end.
   */
  public static byte[] readBounded(Path file) throws IOException {
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException(file + " is too large to read (" + size + " bytes)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return ArchiveExtractor.readDeclared(in, (int) size, file.toString());
    }
  }

  @Override
  public void close() throws IOException {
    fileSystem.close();
  }
}
