package dev.loupe.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageProbeTest {
  private final ImageProbe probe = new ImageProbe();
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"jpeg", "png", "bmp", "gif", "tiff"})
  void readsSizeOfEachFormatFromFile(String format) throws IOException {
    Path file = dir.resolve("image." + format);
    Files.write(file, TestImages.encode(TestImages.redCorner(64, 48), format));

    assertThat(probe.probe(file)).isEqualTo(new ImageInfo(format, 64, 48, 1, null));
  }

  @Test
  void readsLargeJpegWhoseTailIsReadSeparately() throws IOException {
    byte[] jpeg = TestImages.encode(TestImages.noise(640, 480, 1), "jpeg");
    Path file = dir.resolve("big.jpg");
    Files.write(file, jpeg);

    assertThat(jpeg.length).isGreaterThan(64 * 1024);
    assertThat(probe.probe(file)).isEqualTo(new ImageInfo("jpeg", 640, 480, 1, null));
  }

  @Test
  void exifOrientationSixSwapsWidthAndHeight() {
    byte[] jpeg = TestImages.encode(TestImages.redCorner(200, 100), "jpeg");

    assertThat(probe.probe(TestImages.withExifOrientation(jpeg, 6, false), "a.jpg"))
        .isEqualTo(new ImageInfo("jpeg", 100, 200, 6, null));
    assertThat(probe.probe(TestImages.withExifOrientation(jpeg, 6, true), "a.jpg"))
        .isEqualTo(new ImageInfo("jpeg", 100, 200, 6, null));
  }

  @Test
  void exifOrientationThreeKeepsWidthAndHeight() {
    byte[] jpeg = TestImages.encode(TestImages.redCorner(200, 100), "jpeg");

    assertThat(probe.probe(TestImages.withExifOrientation(jpeg, 3, true), "a.jpg"))
        .isEqualTo(new ImageInfo("jpeg", 200, 100, 3, null));
  }

  @Test
  void jpegCutInHalfIsTruncated() throws IOException {
    byte[] jpeg = TestImages.encode(TestImages.noise(640, 480, 2), "jpeg");
    Path file = dir.resolve("half.jpg");
    Files.write(file, Arrays.copyOf(jpeg, jpeg.length / 2));

    assertThat(probe.probe(file))
        .isEqualTo(new ImageInfo("jpeg", 640, 480, 1, "truncated JPEG (no end-of-image marker)"));
  }

  @Test
  void jpegWithTrailingZeroPaddingIsFine() {
    byte[] jpeg = TestImages.encode(TestImages.redCorner(40, 30), "jpeg");

    assertThat(probe.probe(Arrays.copyOf(jpeg, jpeg.length + 100), "padded.jpg").error()).isNull();
  }

  @Test
  void jpegCutInsideItsHeaderSaysSo() {
    byte[] jpeg = TestImages.encode(TestImages.redCorner(40, 30), "jpeg");

    assertThat(probe.probe(Arrays.copyOf(jpeg, 30), "cut.jpg"))
        .isEqualTo(ImageInfo.failed("jpeg", "truncated JPEG (file ends inside its header)"));
  }

  @Test
  void pngWithoutIendIsTruncated() {
    byte[] png = TestImages.encode(TestImages.noise(64, 48, 3), "png");

    assertThat(probe.probe(Arrays.copyOf(png, png.length - 12), "cut.png"))
        .isEqualTo(new ImageInfo("png", 64, 48, 1, "truncated PNG (no IEND chunk)"));
  }

  @Test
  void pngWithBrokenIhdrIsCorruptHeader() {
    byte[] png = TestImages.encode(TestImages.redCorner(64, 48), "png");
    png[12] = 'X';

    assertThat(probe.probe(png, "bad.png"))
        .isEqualTo(ImageInfo.failed("png", "corrupt PNG header"));
  }

  @Test
  void randomBytesAreNotAnImage() throws IOException {
    byte[] bytes = new byte[5000];
    new Random(7).nextBytes(bytes);
    bytes[0] = 0x12; // never a known signature
    Path file = dir.resolve("noise.jpg");
    Files.write(file, bytes);

    assertThat(probe.probe(file)).isEqualTo(ImageInfo.failed("unknown", "not an image"));
  }

  @Test
  void emptyFileIsAnError() throws IOException {
    Path file = dir.resolve("empty.jpg");
    Files.write(file, new byte[0]);

    assertThat(probe.probe(file)).isEqualTo(ImageInfo.failed("unknown", "empty file"));
  }

  @Test
  void missingFileIsAnError() {
    assertThat(probe.probe(dir.resolve("absent.jpg")).error()).startsWith("cannot read file: ");
  }

  @Test
  void heicIsUnsupported() {
    byte[] heic = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};

    assertThat(probe.probe(heic, "photo.heic"))
        .isEqualTo(ImageInfo.failed("unknown", "unsupported image format (HEIF/AVIF)"));
  }

  @Test
  void unknownBytesWithAnUnsupportedImageExtensionAreUnsupported() {
    assertThat(probe.probe(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "scan.pfm"))
        .isEqualTo(ImageInfo.failed("unknown", "unsupported image format"));
  }

  @Test
  void imageUnderTenPixelsIsRejected() {
    byte[] png = TestImages.encode(TestImages.redCorner(9, 40), "png");

    assertThat(probe.probe(png, "thin.png"))
        .isEqualTo(new ImageInfo("png", 9, 40, 1, "image smaller than 10 px"));
  }

  @Test
  void readsLossyLosslessAndExtendedWebp() {
    byte[] lossy = riff("VP8 ", 0, 0, 0, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0xE0, 0x01);
    byte[] lossless = riff("VP8L", 0x2F, 0x7F, 0xC2, 0x77, 0x00); // 639 and 479 in 14-bit fields
    byte[] extended = riff("VP8X", 0, 0, 0, 0, 0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00);

    assertThat(probe.probe(lossy, "a.webp")).isEqualTo(new ImageInfo("webp", 640, 480, 1, null));
    assertThat(probe.probe(lossless, "b.webp")).isEqualTo(new ImageInfo("webp", 640, 480, 1, null));
    assertThat(probe.probe(extended, "c.webp")).isEqualTo(new ImageInfo("webp", 640, 480, 1, null));
  }

  private static byte[] riff(String chunk, int... payload) {
    byte[] out = new byte[20 + payload.length];
    System.arraycopy("RIFF".getBytes(), 0, out, 0, 4);
    int riffSize = out.length - 8;
    out[4] = (byte) riffSize;
    System.arraycopy("WEBP".getBytes(), 0, out, 8, 4);
    System.arraycopy(chunk.getBytes(), 0, out, 12, 4);
    out[16] = (byte) payload.length;
    for (int i = 0; i < payload.length; i++) {
      out[20 + i] = (byte) payload[i];
    }
    return out;
  }
}
