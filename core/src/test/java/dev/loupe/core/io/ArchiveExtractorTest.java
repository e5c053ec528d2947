package dev.loupe.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {
  @TempDir Path dir;
  private final ArchiveExtractor extractor = new ArchiveExtractor();

  private static Map<String, String> dataset() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("data.yaml", "names: [cat]\n");
    files.put("images/train/a.jpg", "jpeg bytes");
    files.put("labels/train/a.txt", "0 0.5 0.5 0.2 0.2\n");
    return files;
  }

  @Test
  void zipRoundTrip() throws IOException {
    Path zip = zip("data.zip", dataset());

    ExtractionResult result = extractor.extract(zip, dir.resolve("out"), TaskMonitor.NONE);

    assertThat(result).isEqualTo(new ExtractionResult(3, 41, 0));
    assertThat(readTree(dir.resolve("out"))).isEqualTo(dataset());
  }

  @Test
  void tarRoundTrip() throws IOException {
    Path tar = tar("data.tar", false, dataset());

    assertThat(ArchiveExtractor.detect(tar)).contains(ArchiveExtractor.Format.TAR);
    assertThat(extractor.extract(tar, dir.resolve("out"), TaskMonitor.NONE))
        .isEqualTo(new ExtractionResult(3, 41, 0));
    assertThat(readTree(dir.resolve("out"))).isEqualTo(dataset());
  }

  @Test
  void tarGzRoundTrip() throws IOException {
    Path tgz = tar("data.tgz", true, dataset());

    assertThat(ArchiveExtractor.detect(tgz)).contains(ArchiveExtractor.Format.TAR_GZ);
    extractor.extract(tgz, dir.resolve("out"), TaskMonitor.NONE);
    assertThat(readTree(dir.resolve("out"))).isEqualTo(dataset());
  }

  @Test
  void detectsByMagicBytesNotExtension() throws IOException {
    Path zip = zip("dataset.bin", dataset());
    Path tgz = tar("dataset.dat", true, dataset());
    Path text = Files.writeString(dir.resolve("notes.zip"), "just text, not an archive");

    assertThat(ArchiveExtractor.detect(zip)).contains(ArchiveExtractor.Format.ZIP);
    assertThat(ArchiveExtractor.detect(tgz)).contains(ArchiveExtractor.Format.TAR_GZ);
    assertThat(ArchiveExtractor.isArchive(text)).isFalse();
    assertThat(ArchiveExtractor.isArchive(dir.resolve("absent.zip"))).isFalse();
  }

  @Test
  void skipsMacMetadata() throws IOException {
    Map<String, String> files = new LinkedHashMap<>(dataset());
    files.put("__MACOSX/images/._a.jpg", "resource fork");
    files.put("images/.DS_Store", "finder");
    Path zip = zip("mac.zip", files);

    ExtractionResult result = extractor.extract(zip, dir.resolve("out"), TaskMonitor.NONE);

    assertThat(result.skipped()).isEqualTo(2);
    assertThat(readTree(dir.resolve("out"))).isEqualTo(dataset());
  }

  @Test
  void refusesZipSlipAndLeavesNothing() throws IOException {
    Map<String, String> files = new LinkedHashMap<>(dataset());
    files.put("images/../../evil.txt", "owned");
    Path zip = zip("slip.zip", files);

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), TaskMonitor.NONE))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessage(
            "refused archive entry 'images/../../evil.txt': it points outside the target folder");
    assertThat(dir.resolve("out")).doesNotExist();
    assertThat(dir.resolve("evil.txt")).doesNotExist();
  }

  @Test
  void refusesBackslashTraversal() throws IOException {
    Path tar = tar("win.tar", false, Map.of("..\\evil.txt", "owned"));

    assertThatThrownBy(() -> extractor.extract(tar, dir.resolve("out"), TaskMonitor.NONE))
        .hasMessage("refused archive entry '..\\evil.txt': it points outside the target folder");
  }

  @Test
  void refusesAbsolutePathsAndDriveLetters() throws IOException {
    Path absolute = tar("abs.tar", false, Map.of("/tmp/evil.txt", "owned"));
    Path drive = zip("drive.zip", Map.of("C:/Windows/evil.txt", "owned"));

    assertThatThrownBy(() -> extractor.extract(absolute, dir.resolve("a"), TaskMonitor.NONE))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessageContaining("it is an absolute path");
    assertThatThrownBy(() -> extractor.extract(drive, dir.resolve("b"), TaskMonitor.NONE))
        .hasMessage("refused archive entry 'C:/Windows/evil.txt': it names a drive");
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void refusesTarSymlinkAndHardLink() throws IOException {
    Path symlink = tarWithLink("sym.tar", TarConstants.LF_SYMLINK);
    Path hardlink = tarWithLink("hard.tar", TarConstants.LF_LINK);

    assertThatThrownBy(() -> extractor.extract(symlink, dir.resolve("a"), TaskMonitor.NONE))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessage("refused archive entry 'images/link': it is a symbolic link");
    assertThatThrownBy(() -> extractor.extract(hardlink, dir.resolve("b"), TaskMonitor.NONE))
        .hasMessage("refused archive entry 'images/link': it is a hard link");
    assertThat(dir.resolve("a")).doesNotExist();
    assertThat(dir.resolve("b")).doesNotExist();
  }

  @Test
  void refusesZipSymlink() throws IOException {
    Path zip = dir.resolve("sym.zip");
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      ZipArchiveEntry entry = new ZipArchiveEntry("link");
      entry.setUnixMode(0120777);
      out.putArchiveEntry(entry);
      out.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      out.closeArchiveEntry();
    }

    assertThatThrownBy(() -> extractor.extract(zip, dir.resolve("out"), TaskMonitor.NONE))
        .hasMessage("refused archive entry 'link': it is a symbolic link");
  }

  @Test
  void stopsAtSizeLimitCountingWrittenBytesAndCleansUp() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a.bin", "x".repeat(600));
    files.put("b.bin", "y".repeat(600));
    Path zip = zip("big.zip", files);
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "was here before");

    ArchiveExtractor small = new ArchiveExtractor(new ArchiveLimits(1000, 100));

    assertThatThrownBy(() -> small.extract(zip, out, TaskMonitor.NONE))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessage("archive expands to more than 1000 bytes (stopped at 'b.bin')");
    assertThat(readTree(out)).isEqualTo(Map.of("keep.txt", "was here before"));
  }

  @Test
  void stopsAtEntryLimit() throws IOException {
    Path tar = tar("many.tar", false, dataset());
    ArchiveExtractor few = new ArchiveExtractor(new ArchiveLimits(1 << 20, 2));

    assertThatThrownBy(() -> few.extract(tar, dir.resolve("out"), TaskMonitor.NONE))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessage("archive has more than 2 entries (stopped at 'labels/train/a.txt')");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void refusesToOverwriteAnExistingFile() throws IOException {
    Path zip = zip("data.zip", dataset());
    Path out = Files.createDirectory(dir.resolve("out"));
    Files.writeString(out.resolve("data.yaml"), "mine");

    assertThatThrownBy(() -> extractor.extract(zip, out, TaskMonitor.NONE))
        .hasMessage(
            "refused archive entry 'data.yaml': a file of that name already exists in the target"
                + " folder");
    assertThat(readTree(out)).isEqualTo(Map.of("data.yaml", "mine"));
  }

  @Test
  void cancellationStopsAndCleansUp() throws IOException {
    Path tgz = tar("data.tar.gz", true, dataset());
    RecordingMonitor monitor = new RecordingMonitor(1);

    assertThatThrownBy(() -> extractor.extract(tgz, dir.resolve("out"), monitor))
        .isInstanceOf(CancelledException.class);
    assertThat(monitor.reports).hasSize(1);
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void reportsProgressUpToTheArchiveSize() throws IOException {
    Path zip = zip("data.zip", dataset());
    RecordingMonitor monitor = new RecordingMonitor(Integer.MAX_VALUE);

    extractor.extract(zip, dir.resolve("out"), monitor);

    long size = Files.size(zip);
    assertThat(monitor.reports).hasSize(4);
    assertThat(monitor.reports.get(3)).isEqualTo(size + "/" + size + " extracted 3 files");
    assertThat(monitor.reports.get(0)).endsWith(" data.yaml");
  }

  /** Records progress calls and reports cancelled once it has seen {@code cancelAfter} of them. */
  private static final class RecordingMonitor implements TaskMonitor {
    final List<String> reports = new ArrayList<>();
    private final int cancelAfter;

    RecordingMonitor(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public void progress(long done, long total, String message) {
      reports.add(done + "/" + total + " " + message);
    }

    @Override
    public boolean isCancelled() {
      return reports.size() >= cancelAfter;
    }
  }

  private Path zip(String name, Map<String, String> files) throws IOException {
    Path zip = dir.resolve(name);
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        out.putArchiveEntry(new ZipArchiveEntry(file.getKey()));
        out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeArchiveEntry();
      }
    }
    return zip;
  }

  private Path tar(String name, boolean gzip, Map<String, String> files) throws IOException {
    Path tar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(tar);
        OutputStream raw = gzip ? new GzipCompressorOutputStream(file) : file;
        TarArchiveOutputStream out = new TarArchiveOutputStream(raw)) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(f.getKey(), true); // keep a leading slash
        entry.setSize(bytes.length);
        out.putArchiveEntry(entry);
        out.write(bytes);
        out.closeArchiveEntry();
      }
    }
    return tar;
  }

  private Path tarWithLink(String name, byte linkFlag) throws IOException {
    Path tar = dir.resolve(name);
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
      TarArchiveEntry entry = new TarArchiveEntry("images/link", linkFlag);
      entry.setLinkName("/etc/passwd");
      out.putArchiveEntry(entry);
      out.closeArchiveEntry();
    }
    return tar;
  }

  private static Map<String, String> readTree(Path root) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return files;
  }

  @org.junit.jupiter.api.Test
  void deferredZipEntriesGetEmptyStandInsAndAreReadBackFromTheZip(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path zipFile = dir.resolve("d.zip");
    byte[] image = new byte[5000];
    new java.util.Random(3).nextBytes(image);
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zipFile))) {
      z.putNextEntry(new java.util.zip.ZipEntry("set/images/a.jpg"));
      z.write(image);
      z.closeEntry();
      z.putNextEntry(new java.util.zip.ZipEntry("set/labels/a.txt"));
      z.write("0 0.5 0.5 0.1 0.1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Path out = dir.resolve("out");
    ExtractionResult result =
        new ArchiveExtractor().extract(zipFile, out, dev.loupe.core.task.TaskMonitor.NONE, n -> n.endsWith(".jpg"));
    Path standIn = out.resolve("set/images/a.jpg");
    org.assertj.core.api.Assertions.assertThat(result.deferred()).containsExactly(java.util.Map.entry(standIn, "set/images/a.jpg"));
    org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.size(standIn)).isZero();
    org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(out.resolve("set/labels/a.txt"))).startsWith("0 0.5");
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(zipFile.toFile())) {
      org.assertj.core.api.Assertions.assertThat(ArchiveExtractor.readDeferred(zip, "set/images/a.jpg")).isEqualTo(image);
    }
  }
}
