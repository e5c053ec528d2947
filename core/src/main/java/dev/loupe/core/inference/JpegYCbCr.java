package dev.loupe.core.inference;

import dev.loupe.core.io.ImageProbe;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * The fast road for the common JPEG ({@link ImageProbe#isPlainYCbCrJpeg}: 8-bit YCbCr, three
 * components numbered 1, 2, 3, no Adobe marker): the decoder's raster is read without its colour
 * conversion and copy into a {@code BufferedImage}, and converted to BGR here with libjpeg's own
 * fixed-point tables ({@code jdcolor.c}), in place, so the bytes are those the ordinary read gives
 * — except that an embedded ICC profile is ignored, as {@code cv2.imread} ignores it (ImageIO's
 * ordinary read converts the colours by it). Stateless; thread-safe.
 */
final class JpegYCbCr {
  private static final int SCALEBITS = 16;
  private static final int ONE_HALF = 1 << (SCALEBITS - 1);
  private static final int[] CR_R = new int[256];
  private static final int[] CB_B = new int[256];
  private static final int[] CR_G = new int[256];
  private static final int[] CB_G = new int[256];

  /** libjpeg's range limit: {@code LIMIT[v + LIMIT_OFFSET]} is v clamped to 0..255. */
  private static final int LIMIT_OFFSET = 384;
  private static final byte[] LIMIT = new byte[1024];
  /** {@link #LIMIT} divided by 255, as the model's input takes it. */
  private static final float[] UNIT_LIMIT = new float[1024];

  static {
    for (int v = -LIMIT_OFFSET; v < LIMIT.length - LIMIT_OFFSET; v++) {
      int clamped = v < 0 ? 0 : Math.min(v, 255);
      LIMIT[v + LIMIT_OFFSET] = (byte) clamped;
      UNIT_LIMIT[v + LIMIT_OFFSET] = clamped / 255f;
    }
    for (int i = 0; i < 256; i++) {
      int x = i - 128;
      CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
      CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
      CR_G[i] = -fix(0.71414) * x;
      CB_G[i] = -fix(0.34414) * x + ONE_HALF;
    }
  }

  private JpegYCbCr() {}

  private static int fix(double x) {
    return (int) (x * (1L << SCALEBITS) + 0.5);
  }

  /**
   * The picture of a raster of upsampled Y, Cb, Cr bytes (as {@code ImageReader.readRaster} gives a
   * YCbCr JPEG), converted to BGR in the raster's own array; null when the raster is not laid out
   * as three interleaved bytes per pixel.
   */
  static BgrImage toBgr(Raster raster) {
    byte[] d = interleaved(raster);
    if (d == null) {
      return null;
    }
    for (int i = 0; i < d.length; i += 3) {
      int y = (d[i] & 0xFF) + LIMIT_OFFSET;
      int cb = d[i + 1] & 0xFF;
      int cr = d[i + 2] & 0xFF;
      d[i] = LIMIT[y + CB_B[cb]];
      d[i + 1] = LIMIT[y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS)];
      d[i + 2] = LIMIT[y + CR_R[cr]];
    }
    return new BgrImage(raster.getWidth(), raster.getHeight(), d);
  }

  /**
   * The raster's bytes when it holds three interleaved bytes per pixel and nothing else (as the
   * JPEG reader makes it); null otherwise.
   */
  static byte[] interleaved(Raster raster) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    if (raster.getNumBands() != 3
        || !(raster.getDataBuffer() instanceof DataBufferByte buffer)
        || buffer.getNumBanks() != 1
        || buffer.getOffset() != 0
        || raster.getSampleModelTranslateX() != 0
        || raster.getSampleModelTranslateY() != 0
        || !(raster.getSampleModel() instanceof ComponentSampleModel m)
        || m.getPixelStride() != 3
        || m.getScanlineStride() != w * 3
        || m.getBandOffsets()[0] != 0
        || m.getBandOffsets()[1] != 1
        || m.getBandOffsets()[2] != 2
        || buffer.getData().length != w * h * 3) {
      return null;
    }
    return buffer.getData();
  }

  /**
   * The three colours of one pixel as the model's inputs (libjpeg's 0..255 values divided by 255),
   * written to {@code red[x]}, {@code green[x]} and {@code blue[x]}.
   */
  static void unitRgb(int y, int cb, int cr, float[] red, float[] green, float[] blue, int x) {
    int at = y + LIMIT_OFFSET;
    red[x] = UNIT_LIMIT[at + CR_R[cr]];
    green[x] = UNIT_LIMIT[at + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS)];
    blue[x] = UNIT_LIMIT[at + CB_B[cb]];
  }
}
