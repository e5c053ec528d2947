package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
