package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.decode.Letterbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resizing and letterboxing, checked against values worked out by hand from OpenCV's formulas. */
class InputPreparationTest {
  private static final float PAD = 114 / 255f;

  @Test
  void upscaleKeepsEdgesAndRoundsTheMiddleAsOpenCv() {
    // 2 -> 3 wide: x0 clamps to source 0, x1 sits halfway (1024/1024 weights: 127.5 -> 128), x2 at 1
    BgrImage src = grey(2, 1, 0, 255);
    BgrImage out = LinearResize.resize(src, 3, 1);
    assertThat(row(out)).containsExactly(0, 128, 255);
  }

  @Test
  void downscaleUsesHalfPixelCentresWithoutAntialiasing() {
    // 3 -> 2 wide: centres at 0.25 and 1.75 in source pixels: 0.75*0 + 0.25*100, 0.25*100 + 0.75*200
    BgrImage out = LinearResize.resize(grey(3, 1, 0, 100, 200), 2, 1);
    assertThat(row(out)).containsExactly(25, 175);
    // 4 -> 2 is not an exact halving in y (1 row stays 1): plain linear, 0.5/0.5 of pairs
    assertThat(row(LinearResize.resize(grey(4, 1, 0, 10, 200, 255), 2, 1))).containsExactly(5, 228);
  }

  @Test
  void exactHalvingIsTheRoundedMeanOfEachBlock() {
    BgrImage src = grey(4, 2, 10, 20, 1, 2, 30, 41, 2, 2);
    BgrImage out = LinearResize.resize(src, 2, 1);
    // (10+20+30+41+2)>>2 = 25, (1+2+2+2+2)>>2 = 2
    assertThat(row(out)).containsExactly(25, 2);
  }

  @Test
  void channelsStayApart() {
    BgrImage src = new BgrImage(2, 1, new byte[] {0, 100, (byte) 200, 50, 100, 0});
    BgrImage out = LinearResize.resize(src, 3, 1);
    assertThat(out.get(1, 0, 0)).isEqualTo(25); // blue: (0 + 50) / 2
    assertThat(out.get(1, 0, 1)).isEqualTo(100);
    assertThat(out.get(1, 0, 2)).isEqualTo(100); // red: (200 + 0) / 2
  }

  @Test
  void padRowsInPlaceAreLeftAsTheyAre() {
    java.util.Random random = new java.util.Random(7);
    byte[] px = new byte[200 * 150 * 3];
    random.nextBytes(px);
    BgrImage image = new BgrImage(200, 150, px); // 64 x 48 picture, 8 pad rows above and below
    float[] expected = new float[3 * 64 * 64];
    InputPreparation.letterbox(image, 64, 64, expected);

    // pad rows in place: only the picture's rows are written
    java.nio.FloatBuffer kept = java.nio.FloatBuffer.wrap(expected.clone());
    java.util.Arrays.fill(kept.array(), 0, 8 * 64, Float.NaN); // pad rows would show any write
    byte[] other = new byte[px.length];
    random.nextBytes(other);
    InputPreparation.letterbox(new BgrImage(200, 150, other), 64, 64, kept, true);
    float[] fresh = new float[expected.length];
    InputPreparation.letterbox(new BgrImage(200, 150, other), 64, 64, fresh);
    assertThat(java.util.Arrays.copyOfRange(kept.array(), 8 * 64, 3 * 64 * 64))
        .containsExactly(java.util.Arrays.copyOfRange(fresh, 8 * 64, 3 * 64 * 64));
    assertThat(kept.get(0)).isNaN();
  }

  @Test
  void aPredictorWritesThePadRowsAgainWhenTheGeometryChanges() throws Exception {
    float[] rows = new float[6];
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pad-rows");
    java.nio.file.Path file = new ConstantOnnxModel(1, 3, -1, -1)
        .meta("task", "detect").meta("names", "{0: 'a'}").meta("imgsz", "[64, 64]").meta("end2end", "True")
        .output(rows, 1, 1, 6)
        .write(dir.resolve("m.onnx"));
    try (YoloPredictor predictor = ModelLoader.load(file, EngineOptions.DEFAULTS)) {
      // wide, then tall, then wide again through the same pooled buffer
      for (BgrImage image : List.of(BgrImage.filled(64, 32, 1, 2, 3), BgrImage.filled(32, 64, 4, 5, 6),
          BgrImage.filled(64, 48, 7, 8, 9))) {
        YoloPredictor.PreparedImage prepared = predictor.prepare(image, PredictOptions.DEFAULTS);
        float[] expected = new float[3 * 64 * 64];
        InputPreparation.letterbox(image, 64, 64, expected);
        assertThat(predictor.inputOf(prepared)).containsExactly(expected);
        predictor.discard(prepared);
      }
    }
  }

  @Test
  void placementRoundsHalfToEvenAndPadsAsUltralytics() {
    // 640x480 into 640: no resize, 80 rows of pad above
    assertThat(InputPreparation.placement(480, 640, 640, 640))
        .isEqualTo(new InputPreparation.Placement(640, 480, 0, 80));
    // 1000x600 into 640: r = 0.64, 640x384, dh = 256 -> top round(127.9) = 128
    assertThat(InputPreparation.placement(600, 1000, 640, 640))
        .isEqualTo(new InputPreparation.Placement(640, 384, 0, 128));
    // 8x5 into 4x4: r = 0.5, height 2.5 -> 2 (Python's round; Math.round would give 3), top round(0.9)
    assertThat(InputPreparation.placement(5, 8, 4, 4))
        .isEqualTo(new InputPreparation.Placement(4, 2, 0, 1));
    // odd padding: 3 rows to share -> round(1.4) = 1 above, 2 below
    assertThat(InputPreparation.placement(1, 4, 4, 4))
        .isEqualTo(new InputPreparation.Placement(4, 1, 0, 1));
  }

  @Test
  void placementAgreesWithTheDecodersWayBack() {
    ModelInfo model = new ModelInfo("onnx", Task.DETECT, List.of("a"), 640, 640, 32, false, null, 3, Map.of());
    int[][] sizes = {{480, 640}, {600, 1000}, {1080, 1920}, {333, 500}, {640, 427}, {17, 3000}};
    for (int[] s : sizes) {
      InputPreparation.Placement p = InputPreparation.placement(s[0], s[1], 640, 640);
      DecodeContext c = Letterbox.context(model, PredictOptions.DEFAULTS, 640, 640, s[0], s[1]);
      assertThat(p.left()).as("left of %dx%d", s[1], s[0]).isEqualTo((int) c.padX());
      assertThat(p.top()).as("top of %dx%d", s[1], s[0]).isEqualTo((int) c.padY());
    }
  }

  @Test
  void letterboxWritesRgbPlanesOverGreyPadding() {
    // a 4x2 image into a 4x4 input: r = 1, one pad row above (round(0.9)) and one below
    byte[] px = new byte[4 * 2 * 3];
    for (int i = 0; i < 8; i++) {
      px[i * 3] = (byte) (10 + i); // blue
      px[i * 3 + 1] = (byte) 100; // green
      px[i * 3 + 2] = (byte) (200 + i); // red
    }
    float[] out = new float[3 * 16 + 5];
    out[48] = 42f; // past the input: left alone
    InputPreparation.Placement p = InputPreparation.letterbox(new BgrImage(4, 2, px), 4, 4, out);
    assertThat(p).isEqualTo(new InputPreparation.Placement(4, 2, 0, 1));
    for (int c = 0; c < 3; c++) {
      for (int x = 0; x < 4; x++) {
        assertThat(out[c * 16 + x]).isEqualTo(PAD);
        assertThat(out[c * 16 + 12 + x]).isEqualTo(PAD);
      }
    }
    // pixel (x=2, y=1) of the image sits at input row 2: red plane first
    assertThat(out[4 * 2 + 2]).isEqualTo(206 / 255f);
    assertThat(out[16 + 4 * 2 + 2]).isEqualTo(100 / 255f);
    assertThat(out[32 + 4 * 2 + 2]).isEqualTo(16 / 255f);
    assertThat(out[48]).isEqualTo(42f);
  }

  @Test
  void theDirectBufferTheEngineReadsGetsTheSameTensorAsAnArray() {
    java.util.Random random = new java.util.Random(3);
    byte[] px = new byte[37 * 23 * 3];
    random.nextBytes(px);
    BgrImage image = new BgrImage(37, 23, px);
    float[] array = new float[3 * 32 * 48];
    java.nio.FloatBuffer direct =
        java.nio.ByteBuffer.allocateDirect(array.length * Float.BYTES)
            .order(java.nio.ByteOrder.nativeOrder())
            .asFloatBuffer();
    for (int i = 0; i < array.length; i++) {
      direct.put(i, -1f); // stale values from an earlier image: all overwritten
    }
    assertThat(InputPreparation.letterbox(image, 32, 48, direct))
        .isEqualTo(InputPreparation.letterbox(image, 32, 48, array));
    float[] fromDirect = new float[array.length];
    direct.get(0, fromDirect);
    assertThat(fromDirect).containsExactly(array);
    assertThat(direct.position()).isZero();

    float[] cropped = new float[3 * 16 * 16];
    InputPreparation.centreCrop(image, 16, cropped);
    InputPreparation.centreCrop(image, 16, direct);
    float[] croppedDirect = new float[cropped.length];
    direct.get(0, croppedDirect);
    assertThat(croppedDirect).containsExactly(cropped);
  }

  @Test
  void aJpegLetterboxedFromLibjpegsRgbGivesTheTensorOfTheBgrRoad() throws java.io.IOException {
    java.util.Random random = new java.util.Random(11);
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(37, 23, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 23; y++) {
      for (int x = 0; x < 37; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpg", jpeg);
    byte[] bytes = jpeg.toByteArray();
    ImageDecoding.RgbPicture picture = new ImageDecoding().uprightRgb(bytes, "noise.jpg");
    assertThat(picture).isNotNull();
    byte[] rgb = picture.rgb();
    BgrImage bgr = ImageDecoding.readOrdinary(bytes, "noise.jpg"); // ImageIO's own BGR read
    for (int[] input : new int[][] {{37, 37}, {32, 37}, {23, 40}}) { // pad below, pad right, both
      float[] expected = new float[3 * input[0] * input[1]];
      InputPreparation.letterbox(bgr, input[0], input[1], expected);
      java.nio.FloatBuffer fused = java.nio.FloatBuffer.allocate(expected.length);
      InputPreparation.letterboxRgb(rgb, 37, 23, input[0], input[1], fused, false);
      assertThat(fused.array()).as("input %dx%d", input[1], input[0]).containsExactly(expected);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> InputPreparation.letterboxRgb(rgb, 37, 23, 64, 64, java.nio.FloatBuffer.allocate(3 * 64 * 64), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a resize");
  }

  @Test
  void letterboxPadsLeftAndRightOfATallImage() {
    // 2x4 (w x h) into 4x4: r = 1, dw = 2 -> left round(0.9) = 1
    float[] out = new float[48];
    InputPreparation.letterbox(BgrImage.filled(2, 4, 0, 0, 255), 4, 4, out);
    for (int y = 0; y < 4; y++) {
      assertThat(out[y * 4]).isEqualTo(PAD);
      assertThat(out[y * 4 + 1]).isEqualTo(1f);
      assertThat(out[y * 4 + 2]).isEqualTo(1f);
      assertThat(out[y * 4 + 3]).isEqualTo(PAD);
      assertThat(out[16 + y * 4 + 1]).isEqualTo(0f);
    }
  }

  @Test
  void classifyResizesTheShortSideAndCropsTheCentre() {
    // 6x2 image, columns 0..5 coloured by index; size 2: short side already 2, long 6, crop 2..3
    byte[] px = new byte[6 * 2 * 3];
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 6; x++) {
        px[(y * 6 + x) * 3 + 2] = (byte) (x * 40);
      }
    }
    float[] out = new float[12];
    InputPreparation.centreCrop(new BgrImage(6, 2, px), 2, out);
    assertThat(out[0]).isEqualTo(80 / 255f);
    assertThat(out[1]).isEqualTo(120 / 255f);
    assertThat(out[2]).isEqualTo(80 / 255f);
    // a uniform image stays uniform whatever the antialiased resize does
    InputPreparation.centreCrop(BgrImage.filled(30, 20, 7, 7, 7), 4, new float[48]);
    float[] uniform = new float[48];
    InputPreparation.centreCrop(BgrImage.filled(30, 20, 7, 7, 7), 4, uniform);
    for (float v : uniform) {
      assertThat(v).isEqualTo(7 / 255f);
    }
  }

  @Test
  void classifyShrinksWithPilsAntialiasedTriangle() {
    // 4 -> 2: support 2 source pixels; weights 3/7, 3/7, 1/7 around each centre (PIL precompute_coeffs)
    BgrImage out = AntialiasedResize.resize(grey(4, 1, 0, 70, 140, 210), 2, 1);
    assertThat(row(out)).containsExactly(50, 160);
    // upscaling is plain bilinear: 2 -> 4 gives 1/4 steps from the pixel centres, edges held
    assertThat(row(AntialiasedResize.resize(grey(2, 1, 0, 200), 4, 1))).containsExactly(0, 50, 150, 200);
  }

  @Test
  void uprightFollowsEveryExifOrientation() {
    // a 3x2 image with pixel values 1..6 (row-major):  1 2 3 / 4 5 6
    BgrImage src = grey(3, 2, 1, 2, 3, 4, 5, 6);
    assertThat(values(ImageDecoding.upright(src, 1))).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(values(ImageDecoding.upright(src, 2))).containsExactly(3, 2, 1, 6, 5, 4);
    assertThat(values(ImageDecoding.upright(src, 3))).containsExactly(6, 5, 4, 3, 2, 1);
    assertThat(values(ImageDecoding.upright(src, 4))).containsExactly(4, 5, 6, 1, 2, 3);
    // transposed: 2 wide, 3 high
    BgrImage t = ImageDecoding.upright(src, 6); // quarter turn clockwise
    assertThat(t.width()).isEqualTo(2);
    assertThat(values(t)).containsExactly(4, 1, 5, 2, 6, 3);
    assertThat(values(ImageDecoding.upright(src, 8))).containsExactly(3, 6, 2, 5, 1, 4);
    assertThat(values(ImageDecoding.upright(src, 5))).containsExactly(1, 4, 2, 5, 3, 6);
    assertThat(values(ImageDecoding.upright(src, 7))).containsExactly(6, 3, 5, 2, 4, 1);
  }

  private static BgrImage grey(int w, int h, int... values) {
    byte[] px = new byte[w * h * 3];
    for (int i = 0; i < values.length; i++) {
      px[i * 3] = px[i * 3 + 1] = px[i * 3 + 2] = (byte) values[i];
    }
    return new BgrImage(w, h, px);
  }

  private static int[] row(BgrImage image) {
    int[] out = new int[image.width()];
    for (int x = 0; x < out.length; x++) {
      out[x] = image.get(x, 0, 0);
      assertThat(image.get(x, 0, 1)).isEqualTo(out[x]);
    }
    return out;
  }

  private static int[] values(BgrImage image) {
    int[] out = new int[image.width() * image.height()];
    for (int i = 0; i < out.length; i++) {
      out[i] = image.pixels()[i * 3] & 0xff;
    }
    return out;
  }
}
