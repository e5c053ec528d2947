package dev.loupe.core.formats.ndjson;

import dev.loupe.core.domain.Split;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Where an export writes its files: a folder, or a zip archive when the target ends in {@code .zip}
 * (images STORED, they are compressed already; text DEFLATED). Images go to {@code images/<split>/}
 * under a name unique within their split.
 */
public final class ExportFolder implements Closeable {
  private final Path folder;
  private final ZipArchiveOutputStream zip;
  private final Map<Split, Set<String>> used = new HashMap<>();

  private ExportFolder(Path folder, ZipArchiveOutputStream zip) {
    this.folder = folder;
    this.zip = zip;
  }

  /** Opens {@code target} as a zip when its name ends in {@code .zip}, else as a folder. */
  public static ExportFolder open(Path target) throws IOException {
    if (isZip(target)) {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new ExportFolder(null, new ZipArchiveOutputStream(target));
    }
    Files.createDirectories(target);
    return new ExportFolder(target, null);
  }

  public static boolean isZip(Path target) {
    return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
  }

  /**
   * Copies an image to {@code images/<split>/<name>}, renaming it {@code stem_2.ext}, ... when its
   * split already holds that name.
   *
   * @return the file name used
   */
  public String copyImage(Split split, String filename, Path source) throws IOException {
    String name = uniqueName(split, filename);
    String entry = "images/" + split.apiName() + "/" + name;
    if (zip == null) {
      Path dest = folder.resolve(entry);
      Files.createDirectories(dest.getParent());
      Files.copy(source, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      ZipArchiveEntry e = new ZipArchiveEntry(entry);
      e.setMethod(ZipEntry.STORED);
      zip.putArchiveEntry(e);
      Files.copy(source, zip);
      zip.closeArchiveEntry();
    }
    return name;
  }

  /** Reserves a name in a split's image folder without writing a file (image bytes not at hand). */
  public String uniqueName(Split split, String filename) {
    Set<String> names = used.computeIfAbsent(split, s -> new HashSet<>());
    String name = filename;
    int dot = filename.lastIndexOf('.');
    String stem = dot > 0 ? filename.substring(0, dot) : filename;
    String ext = dot > 0 ? filename.substring(dot) : "";
    for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = stem + "_" + n + ext;
    }
    return name;
  }

  /** A stream for the file at {@code path} (forward slashes) inside the folder or zip. */
  public OutputStream open(String path) throws IOException {
    if (zip == null) {
      Path dest = folder.resolve(path);
      Files.createDirectories(dest.getParent());
      return Files.newOutputStream(dest);
    }
    ZipArchiveEntry e = new ZipArchiveEntry(path);
    e.setMethod(ZipEntry.DEFLATED);
    zip.putArchiveEntry(e);
    return new FilterOutputStream(zip) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
        zip.closeArchiveEntry();
      }
    };
  }

  @Override
  public void close() throws IOException {
    if (zip != null) {
      zip.close();
    }
  }
}
