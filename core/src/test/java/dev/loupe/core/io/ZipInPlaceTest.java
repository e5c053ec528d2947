package dev.loupe.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipInPlaceTest {
  @TempDir Path tmp;

  private static boolean isJpg(String name) {
    return name.endsWith(".jpg");
  }

  private Path zip(String name, Map<String, byte[]> entries) throws IOException {
    Path zip = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return zip;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_plain_zip_is_read_where_it_lies() throws IOException {
    Path zip =
        zip("plain.zip", Map.of("labels/train/a.txt", text("0 0.5 0.5 0.2 0.2\n"), "images/train/a.jpg", new byte[] {1, 2, 3}));
    Optional<ZipInPlace> opened = ZipInPlace.open(zip, ArchiveLimits.DEFAULT, TaskMonitor.NONE, ZipInPlaceTest::isJpg);
    assertThat(opened).isPresent();
    try (ZipInPlace in = opened.get()) {
      Path label = in.root().resolve("labels/train/a.txt");
      assertThat(Files.readString(label)).isEqualTo("0 0.5 0.5 0.2 0.2\n");
      assertThat(ZipInPlace.readBounded(in.root().resolve("images/train/a.jpg"))).containsExactly(1, 2, 3);
    }
    assertThat(Files.list(tmp).count()).as("nothing unpacked beside the archive").isEqualTo(1);
  }

  @Test
  void archives_that_need_care_are_left_to_the_extractor() throws IOException {
    byte[] one = text("x");
    for (String unsafe : new String[] {"../escape.txt", "a/../../b.txt", "__MACOSX/._a.jpg", "dir\\win.txt", "./a.txt"}) {
      Path zip = zip("n" + unsafe.hashCode() + ".zip", Map.of(unsafe, one));
      assertThat(ZipInPlace.open(zip, ArchiveLimits.DEFAULT, TaskMonitor.NONE, ZipInPlaceTest::isJpg))
          .as(unsafe)
          .isEmpty();
    }
    Path many = zip("many.zip", Map.of("a.txt", one, "b.txt", one, "c.txt", one));
    assertThat(ZipInPlace.open(many, new ArchiveLimits(1 << 20, 2), TaskMonitor.NONE, ZipInPlaceTest::isJpg)).isEmpty();
    Path big = zip("big.zip", Map.of("a.txt", new byte[4096]));
    assertThat(ZipInPlace.open(big, new ArchiveLimits(1000, 10), TaskMonitor.NONE, ZipInPlaceTest::isJpg)).isEmpty();
    Path tar = tmp.resolve("not-a-zip.txt");
    Files.writeString(tar, "hello");
    assertThat(ZipInPlace.open(tar, ArchiveLimits.DEFAULT, TaskMonitor.NONE, ZipInPlaceTest::isJpg)).isEmpty();
  }

  @Test
  void an_entry_that_inflates_beyond_its_declared_size_is_never_read_past_it() throws IOException {
    byte[] label = text("0 0.5 0.5 0.2 0.2\n".repeat(200));
    byte[] image = new byte[3000];
    Path honest = zip("honest.zip", Map.of("a.txt", label, "b.jpg", image));
    Path lyingLabel = tmp.resolve("lying-label.zip");
    Files.write(lyingLabel, lieAboutSize(Files.readAllBytes(honest), label.length, 10));
    long compressed = compressedSize(honest, "a.txt");
    // a limit that holds every declared size but not what the label's compressed bytes could become
    ArchiveLimits tight = new ArchiveLimits(image.length + compressed * ZipInPlace.MAX_DEFLATE_RATIO, 10);
    assertThat(ZipInPlace.open(lyingLabel, tight, TaskMonitor.NONE, ZipInPlaceTest::isJpg))
        .as("a text entry that could pass the limit is inflated and checked before the archive is accepted")
        .isEmpty();
    Optional<ZipInPlace> checked = ZipInPlace.open(honest, tight, TaskMonitor.NONE, ZipInPlaceTest::isJpg);
    assertThat(checked).as("an honest one passes the same check").isPresent();
    checked.get().close();
    Optional<ZipInPlace> roomy = ZipInPlace.open(lyingLabel, ArchiveLimits.DEFAULT, TaskMonitor.NONE, ZipInPlaceTest::isJpg);
    assertThat(roomy)
        .as("under a limit its compressed bytes cannot reach, the label is read as it is, not inflated first")
        .isPresent();
    try (ZipInPlace in = roomy.get()) {
      assertThat(Files.readAllBytes(in.root().resolve("a.txt"))).isEqualTo(label);
    }

    Path lyingImage = tmp.resolve("lying-image.zip");
    Files.write(lyingImage, lieAboutSize(Files.readAllBytes(honest), image.length, 100));
    Optional<ZipInPlace> opened = ZipInPlace.open(lyingImage, ArchiveLimits.DEFAULT, TaskMonitor.NONE, ZipInPlaceTest::isJpg);
    assertThat(opened).as("images are checked when they are read").isPresent();
    try (ZipInPlace in = opened.get()) {
      assertThatThrownBy(() -> ZipInPlace.readBounded(in.root().resolve("b.jpg")))
          .isInstanceOf(UnsafeArchiveException.class)
          .hasMessageContaining("does not hold the size its header states");
    }
  }

  private static long compressedSize(Path zip, String entry) throws IOException {
    try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(zip.toFile())) {
      return file.getEntry(entry).getCompressedSize();
    }
  }

  /** Rewrites every 4-byte little-endian occurrence of the uncompressed size in the headers. */
  private static byte[] lieAboutSize(byte[] zip, int realSize, int claimed) {
    byte[] copy = zip.clone();
    // central directory file headers (PK\1\2) hold the uncompressed size at offset 24
    for (int i = 0; i + 46 < copy.length; i++) {
      if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2 && le(copy, i + 24) == realSize) {
        put(copy, i + 24, claimed);
      }
      // data descriptors (PK\7\8) written by ZipOutputStream: crc, compressed, uncompressed
      if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 7 && copy[i + 3] == 8 && le(copy, i + 12) == realSize) {
        put(copy, i + 12, claimed);
      }
    }
    return copy;
  }

  private static int le(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
  }

  private static void put(byte[] b, int at, int value) {
    for (int k = 0; k < 4; k++) {
      b[at + k] = (byte) (value >>> (8 * k));
    }
  }

}
