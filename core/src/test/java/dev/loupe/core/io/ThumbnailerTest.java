package dev.loupe.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailerTest {
  private static final int RED = 0xFF0000;
  private static final int BLUE = 0x0000FF;
  @TempDir Path dir;
  private final Thumbnailer thumbnailer = new Thumbnailer();

  @Test
  void exifOrientationSixTurnsThePictureClockwise() throws IOException {
    byte[] jpeg = TestImages.encode(TestImages.redCorner(200, 100), "jpeg");
    Path image =
        Files.write(dir.resolve("turned.jpg"), TestImages.withExifOrientation(jpeg, 6, true));
    Path thumb = dir.resolve("thumbs/turned.jpg");

    thumbnailer.writeThumbnail(image, thumb, 64);

    BufferedImage out = ImageIO.read(thumb.toFile());
    assertThat(out.getWidth()).isEqualTo(32);
    assertThat(out.getHeight()).isEqualTo(64);
    assertThat(near(out.getRGB(29, 4), RED)).isTrue(); // red corner now top-right
    assertThat(near(out.getRGB(2, 4), BLUE)).isTrue();
    assertThat(near(out.getRGB(29, 60), BLUE)).isTrue();
  }

  @ParameterizedTest(name = "orientation {0} puts the top-left corner at ({1}, {2})")
  @CsvSource({"1,0,0", "2,1,0", "3,1,1", "4,0,1", "5,0,0", "6,1,0", "7,1,1", "8,0,1"})
  void eachOrientationMovesTheTopLeftCorner(int orientation, int right, int bottom) {
    BufferedImage out = Thumbnailer.render(TestImages.redCorner(80, 40), orientation, 80);

    boolean transposed = orientation >= 5;
    assertThat(out.getWidth()).isEqualTo(transposed ? 40 : 80);
    assertThat(out.getHeight()).isEqualTo(transposed ? 80 : 40);
    int x = right == 1 ? out.getWidth() - 3 : 2;
    int y = bottom == 1 ? out.getHeight() - 3 : 2;
    assertThat(out.getRGB(x, y) & 0xFFFFFF).isEqualTo(RED);
    assertThat(out.getRGB(out.getWidth() - 1 - x, out.getHeight() - 1 - y) & 0xFFFFFF)
        .isEqualTo(BLUE);
  }

  @Test
  void bigImageIsScaledToMaxSide() throws IOException {
    Path image =
        Files.write(
            dir.resolve("big.png"), TestImages.encode(TestImages.redCorner(2000, 1000), "png"));
    Path thumb = dir.resolve("big.jpg");

    thumbnailer.writeThumbnail(image, thumb);

    BufferedImage out = ImageIO.read(thumb.toFile());
    assertThat(List.of(out.getWidth(), out.getHeight())).containsExactly(256, 128);
  }

  @Test
  void smallImageKeepsItsSize() throws IOException {
    Path image =
        Files.write(
            dir.resolve("small.png"), TestImages.encode(TestImages.redCorner(40, 30), "png"));
    Path thumb = dir.resolve("small.jpg");

    thumbnailer.writeThumbnail(image, thumb, 256);

    BufferedImage out = ImageIO.read(thumb.toFile());
    assertThat(List.of(out.getWidth(), out.getHeight())).containsExactly(40, 30);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        BufferedImage.TYPE_BYTE_GRAY,
        BufferedImage.TYPE_USHORT_GRAY,
        BufferedImage.TYPE_INT_ARGB,
        BufferedImage.TYPE_BYTE_INDEXED,
        BufferedImage.TYPE_BYTE_BINARY
      })
  void everyPngKindBecomesAnRgbJpeg(int type) throws IOException {
    BufferedImage source = new BufferedImage(120, 60, type);
    Graphics2D g = source.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 60, 60); // right half stays transparent in the ARGB case
    g.dispose();
    Path image = Files.write(dir.resolve("kind.png"), TestImages.encode(source, "png"));
    Path thumb = dir.resolve("kind.jpg");

    thumbnailer.writeThumbnail(image, thumb, 64);

    BufferedImage out = ImageIO.read(thumb.toFile());
    assertThat(out.getColorModel().getNumComponents()).isEqualTo(3);
    assertThat(List.of(out.getWidth(), out.getHeight())).containsExactly(64, 32);
    assertThat(near(out.getRGB(5, 16), 0x000000)).isTrue();
    if (type == BufferedImage.TYPE_INT_ARGB) {
      assertThat(near(out.getRGB(58, 16), 0xFFFFFF)).isTrue(); // transparency flattened on white
    }
  }

  @Test
  void replacesAnOldThumbnailAndLeavesNoTemporaryFile() throws IOException {
    Path image =
        Files.write(dir.resolve("a.png"), TestImages.encode(TestImages.redCorner(40, 30), "png"));
    Path thumb = Files.writeString(dir.resolve("a.jpg"), "old");

    thumbnailer.writeThumbnail(image, thumb);

    assertThat(ImageIO.read(thumb.toFile()).getWidth()).isEqualTo(40);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("a.jpg", "a.png");
    }
  }

  @Test
  void undecodableImageFailsWithTheReason() throws IOException {
    byte[] bytes = new byte[2000];
    new Random(3).nextBytes(bytes);
    bytes[0] = 0x12;
    Path image = Files.write(dir.resolve("noise.jpg"), bytes);
    Path thumb = dir.resolve("noise-thumb.jpg");

    assertThatThrownBy(() -> thumbnailer.writeThumbnail(image, thumb))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot decode noise.jpg: not an image format Loupe can read");
    assertThat(thumb).doesNotExist();
  }

  /** Within JPEG's error of the expected colour. */
  private static boolean near(int argb, int rgb) {
    for (int shift = 0; shift <= 16; shift += 8) {
      if (Math.abs((argb >> shift & 0xFF) - (rgb >> shift & 0xFF)) > 40) {
        return false;
      }
    }
    return true;
  }
}
