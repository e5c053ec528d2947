package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.io.ImageProbe;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding as cv2.imread(IMREAD_COLOR) does: upright by EXIF, grey replicated, alpha dropped. */
class ImageDecodingTest {
  @TempDir Path dir;

  private final ImageDecoding decoding = new ImageDecoding();

  @Test
  void theFastJpegRoadGivesTheBytesOfTheOrdinaryRead() throws IOException {
    java.util.Random random = new java.util.Random(5);
    for (int[] size : new int[][] {{37, 23}, {640, 480}, {1, 1}, {17, 300}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_3BYTE_BGR);
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          // smooth gradients with noise: every Cb/Cr value range, as photos have
          image.setRGB(x, y, ((x * 7 + random.nextInt(40)) & 0xFF) << 16 | ((y * 5) & 0xFF) << 8 | random.nextInt(256));
        }
      }
      assertSameAsOrdinary(Files.readAllBytes(write(image, "jpg", "noise-" + size[0] + ".jpg")), size[0] + "x" + size[1]);
    }
  }

  @Test
  void theFastJpegRoadGivesTheBytesOfTheOrdinaryReadOnEveryFixtureJpeg() throws IOException {
    Path root = dev.loupe.core.Fixtures.require("coco8");
    int checked = 0;
    try (var files = Files.walk(root.getParent())) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.jpe?g"))::iterator) {
        byte[] bytes = Files.readAllBytes(file);
        if (ImageProbe.isPlainYCbCrJpeg(bytes)) {
          assertSameAsOrdinary(bytes, file.toString());
          checked++;
        }
      }
    }
    assertThat(checked).as("fixture JPEGs taking the fast road").isGreaterThan(8);
  }

  @Test
  void onlyPlainYCbCrJpegsTakeTheFastRoad() throws IOException {
    BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    assertThat(ImageProbe.isPlainYCbCrJpeg(Files.readAllBytes(write(grey, "jpg", "grey.jpg")))).isFalse();
    BufferedImage colour = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
    byte[] jpeg = Files.readAllBytes(write(colour, "jpg", "colour.jpg"));
    assertThat(ImageProbe.isPlainYCbCrJpeg(jpeg)).isTrue();
    assertThat(ImageProbe.isPlainYCbCrJpeg(Files.readAllBytes(write(colour, "png", "colour.png")))).isFalse();
    assertThat(ImageProbe.isPlainYCbCrJpeg(java.util.Arrays.copyOf(jpeg, 20))).as("cut before the frame header").isFalse();
    // an Adobe APP14 marker (its transform may say RGB) right after SOI: the ordinary read decides
    byte[] adobe = new byte[jpeg.length + 16];
    adobe[0] = (byte) 0xFF;
    adobe[1] = (byte) 0xD8;
    byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    System.arraycopy(app14, 0, adobe, 2, 16);
    System.arraycopy(jpeg, 2, adobe, 18, jpeg.length - 2);
    assertThat(ImageProbe.isPlainYCbCrJpeg(adobe)).isFalse();
  }

  /**
   * The fast road gives libjpeg's colours as the ordinary read does, except that it ignores an
   * embedded ICC profile as cv2.imread does (ImageIO converts by it): compared without the profile.
   */
  private static void assertSameAsOrdinary(byte[] jpeg, String what) throws IOException {
    ImageDecoding.RgbPicture rgb = ImageDecoding.readRgb(jpeg);
    assertThat(rgb).as(what).isNotNull();
    BgrImage fast = rgb.toBgr();
    BgrImage ordinary = ImageDecoding.readOrdinary(ImageProbe.jpegWithoutIccProfile(jpeg), what);
    assertThat(fast.width()).as(what).isEqualTo(ordinary.width());
    assertThat(fast.height()).as(what).isEqualTo(ordinary.height());
    assertThat(java.util.Arrays.equals(fast.pixels(), ordinary.pixels())).as(what + ": same bytes").isTrue();
  }

  @Test
  void theIccProfileSegmentsAreLeftOutAndNothingElse() throws IOException {
    BufferedImage colour = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
    byte[] jpeg = Files.readAllBytes(write(colour, "jpg", "plain.jpg"));
    assertThat(ImageProbe.jpegWithoutIccProfile(jpeg)).isSameAs(jpeg);
    // SOI, an ICC segment, an unrelated APP2, a second ICC segment, then the rest of the file
    byte[] icc = segment(0xE2, "ICC_PROFILE\0\1\1profile bytes");
    byte[] other = segment(0xE2, "MPF\0other");
    ByteArrayOutputStream with = new ByteArrayOutputStream();
    with.write(jpeg, 0, 2);
    with.write(icc);
    with.write(other);
    with.write(segment(0xE2, "ICC_PROFILE\0\2\2more"));
    with.write(jpeg, 2, jpeg.length - 2);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(jpeg, 0, 2);
    expected.write(other);
    expected.write(jpeg, 2, jpeg.length - 2);
    assertThat(ImageProbe.jpegWithoutIccProfile(with.toByteArray())).containsExactly(expected.toByteArray());
    assertThat(ImageProbe.jpegWithoutIccProfile(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
  }

  private static byte[] segment(int marker, String payload) {
    byte[] data = payload.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] out = new byte[4 + data.length];
    out[0] = (byte) 0xFF;
    out[1] = (byte) marker;
    out[2] = (byte) ((data.length + 2) >> 8);
    out[3] = (byte) (data.length + 2);
    System.arraycopy(data, 0, out, 4, data.length);
    return out;
  }

  @Test
  void anEmbeddedIccProfileIsIgnoredAsOpenCvIgnoresIt() throws IOException {
    Path file = dev.loupe.core.Fixtures.require("real-world/coco-val2017-person-keypoints-mmpose/000000000785.jpg");
    byte[] jpeg = Files.readAllBytes(file);
    assertThat(ImageProbe.jpegWithoutIccProfile(jpeg).length).as("the fixture carries a profile").isLessThan(jpeg.length);
    BgrImage read = decoding.read(file);
    BgrImage plain = ImageDecoding.readOrdinary(ImageProbe.jpegWithoutIccProfile(jpeg), "plain");
    assertThat(java.util.Arrays.equals(read.pixels(), plain.pixels())).isTrue();
  }

  @Test
  void rgbPngKeepsItsBytesAsBgr() throws IOException {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x102030);
    image.setRGB(2, 1, 0xffee01);
    BgrImage bgr = decoding.read(write(image, "png", "rgb.png"));
    assertThat(bgr.width()).isEqualTo(3);
    assertThat(new int[] {bgr.get(0, 0, 0), bgr.get(0, 0, 1), bgr.get(0, 0, 2)}).containsExactly(0x30, 0x20, 0x10);
    assertThat(new int[] {bgr.get(2, 1, 0), bgr.get(2, 1, 1), bgr.get(2, 1, 2)}).containsExactly(0x01, 0xee, 0xff);
  }

  @Test
  void greyIsReplicatedWithoutAGammaChange() throws IOException {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 50);
    image.getRaster().setSample(1, 0, 0, 200);
    BgrImage bgr = decoding.read(write(image, "png", "grey.png"));
    for (int c = 0; c < 3; c++) {
      assertThat(bgr.get(0, 0, c)).isEqualTo(50);
      assertThat(bgr.get(1, 0, c)).isEqualTo(200);
    }
  }

  @Test
  void alphaIsDroppedNotBlended() throws IOException {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x00804020); // fully transparent, colour kept
    BgrImage bgr = decoding.read(write(image, "png", "alpha.png"));
    assertThat(new int[] {bgr.get(0, 0, 0), bgr.get(0, 0, 1), bgr.get(0, 0, 2)}).containsExactly(0x20, 0x40, 0x80);
  }

  @Test
  void aJpegIsTurnedUprightByItsExifOrientation() throws IOException {
    // 40 x 20, left half black, right half white; orientation 6 (turn clockwise): 20 x 40, top black
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 20; y++) {
      for (int x = 20; x < 40; x++) {
        image.setRGB(x, y, 0xffffff);
      }
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    Path file = dir.resolve("turned.jpg");
    Files.write(file, withOrientation(jpeg.toByteArray(), 6));
    BgrImage bgr = decoding.read(file);
    assertThat(bgr.width()).isEqualTo(20);
    assertThat(bgr.height()).isEqualTo(40);
    assertThat(bgr.get(10, 5, 1)).isLessThan(30);
    assertThat(bgr.get(10, 35, 1)).isGreaterThan(225);
  }

  @Test
  void notAnImageIsAOneLineError() throws IOException {
    Path file = dir.resolve("x.jpg");
    Files.writeString(file, "hello");
    assertThatThrownBy(() -> decoding.read(file)).isInstanceOf(IOException.class).hasMessageStartingWith("cannot decode x.jpg");
  }

  @Test
  void anImageTooLargeToDecodeIsRefusedWithItsSize() throws IOException {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "png", png);
    byte[] bytes = png.toByteArray();
    // the IHDR chunk's width and height (bytes 16-23) claim 30000 x 30000
    java.nio.ByteBuffer.wrap(bytes).putInt(16, 30_000).putInt(20, 30_000);
    Path file = Files.write(dir.resolve("bomb.png"), bytes);

    assertThatThrownBy(() -> decoding.read(file)).isInstanceOf(IOException.class)
        .hasMessage("cannot decode bomb.png: 30000x30000 is 900 megapixels, more than the 500 Loupe decodes");
  }

  private Path write(BufferedImage image, String format, String name) throws IOException {
    Path file = dir.resolve(name);
    ImageIO.write(image, format, file.toFile());
    return file;
  }

  /** The JPEG with an APP1 Exif segment holding one tag, orientation, inserted after SOI. */
  static byte[] withOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {
      'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian header, IFD at 8
      0, 1, // one entry
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // orientation, SHORT, 1 value
      0, 0, 0, 0 // no next IFD
    };
    int length = 2 + 6 + tiff.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xff);
    out.write(0xe1);
    out.write(length >> 8);
    out.write(length & 0xff);
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
