package dev.loupe.core.inference;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.decode.Letterbox;
import dev.loupe.core.inference.decode.OutputDecoders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ultralytics' predict pipeline around a loaded model: decode with EXIF orientation, letterbox
 * (classification: resize and centre crop), run, decode the outputs (NMS, masks, keypoints) and map
 * them back onto the image. Thread-safe: input buffers are pooled, one per image being predicted at
 * once. They are direct buffers in native order, which the engine reads in place: the input tensor
 * is written once, by the letterbox.
 */
public final class YoloPredictor implements Predictor {
  private final ModelInfo info;
  private final ModelSession session;
  private final OutputDecoder decoder;
  private final ImageDecoding decoding = new ImageDecoding();
  private final boolean dynamicInput;
  private final Queue<InputBuffer> buffers = new ConcurrentLinkedQueue<>();

  /** Takes over the session (the caller closes it only if this constructor throws). */
  YoloPredictor(ModelInfo info, ModelSession session) {
    this.session = session;
    long[] shape = session.inputShape();
    if (shape.length != 4) {
      throw new IllegalArgumentException(
          "the model's input has " + shape.length + " dimensions, Loupe runs (1, C, H, W) image inputs");
    }
    this.dynamicInput = shape[2] <= 0 || shape[3] <= 0;
    this.info =
        dynamicInput
            ? info
            : new ModelInfo(
                info.format(), info.task(), info.names(), (int) shape[2], (int) shape[3],
                info.stride(), info.endToEnd(), info.kptShape(), info.channels(), info.metadata());
    this.decoder = OutputDecoders.forModel(this.info);
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** Whether the model's input size is fixed in its graph (then {@code imgsz} does not apply). */
  public boolean hasFixedInput() {
    return !dynamicInput;
  }

  /** The engine and device it runs on, e.g. {@code ONNX Runtime 1.24.1 on CPU}. */
  public String engine() {
    return session.description();
  }

  @Override
  public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
    return predict(prepare(image, options));
  }

  /**
   * {@link #prepare(BgrImage, PredictOptions)} from a file: read, decoded upright and letterboxed.
   * A plain YCbCr JPEG that needs no resize (its long side is the input's, as for COCO-sized
   * images) goes from libjpeg's RGB bytes straight into the input, with no BGR copy between.
   *
   * @throws IOException with a one-line reason when the file is missing or not a decodable image
   */
  public PreparedImage prepare(Path file, PredictOptions options) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (info.task() != Task.CLASSIFY) {
      ImageDecoding.RgbPicture picture = decoding.uprightRgb(bytes, name);
      if (picture != null) {
        int[] size = inputSize(options);
        int w = picture.width();
        int h = picture.height();
        InputPreparation.Placement p = InputPreparation.placement(h, w, size[0], size[1]);
        if (p.width() != w || p.height() != h) {
          return prepare(picture.toBgr(), options);
        }
        InputBuffer input = borrow(3 * size[0] * size[1]);
        InputPreparation.letterboxRgb(
            picture.rgb(), w, h, size[0], size[1], input.buffer, input.padRowsInPlace(size, p));
        return new PreparedImage(input, size[0], size[1], h, w, options);
      }
    }
    return prepare(decoding.decode(bytes, name), options);
  }

  @Override
  public ImagePrediction predict(BufferedImage image, PredictOptions options) {
    return predict(ImageDecoding.toBgr(image), options);
  }

  /** Predicts on an upright image already decoded into BGR bytes. */
  public ImagePrediction predict(BgrImage image, PredictOptions options) {
    return predict(prepare(image, options));
  }

  /**
   * The first half of a prediction, which may run on another thread than the second: the image
   * letterboxed (or, for classification, cropped) into an input tensor. Pass it to {@link
   * #predict(PreparedImage)} once.
   */
  public PreparedImage prepare(BgrImage image, PredictOptions options) {
    int[] size = inputSize(options);
    int inH = size[0];
    int inW = size[1];
    InputBuffer input = borrow(3 * inH * inW);
    if (info.task() == Task.CLASSIFY) {
      input.paddedFor = null;
      InputPreparation.centreCrop(image, inH, input.buffer);
    } else {
      InputPreparation.Placement p = InputPreparation.placement(image.height(), image.width(), inH, inW);
      InputPreparation.letterbox(image, inH, inW, input.buffer, input.padRowsInPlace(size, p));
    }
    return new PreparedImage(input, inH, inW, image.height(), image.width(), options);
  }

  /** The second half: runs the model on a prepared input and decodes its outputs. */
  public ImagePrediction predict(PreparedImage prepared) {
    InputBuffer input = prepared.takeInput();
    try {
      DecodeContext context =
          Letterbox.context(
              info, prepared.options, prepared.inputH, prepared.inputW, prepared.origH, prepared.origW);
      return session.run(
          input.buffer, new long[] {1, 3, prepared.inputH, prepared.inputW}, outputs -> decoder.decode(outputs, context));
    } finally {
      buffers.offer(input);
    }
  }

  /**
   * Runs the model on a prepared input and returns a copy of its first output as it comes, not
   * decoded (for example the vector of a classify export, to embed images with).
   */
  public Tensor rawOutput(PreparedImage prepared) {
    InputBuffer input = prepared.takeInput();
    try {
      return session.run(
          input.buffer,
          new long[] {1, 3, prepared.inputH, prepared.inputW},
          outputs -> new Tensor(outputs.get(0).data().clone(), outputs.get(0).shape().clone()));
    } finally {
      buffers.offer(input);
    }
  }

  /** A copy of a prepared image's input tensor, as the engine would read it. */
  float[] inputOf(PreparedImage prepared) {
    FloatBuffer buffer = prepared.input.buffer;
    float[] copy = new float[3 * prepared.inputH * prepared.inputW];
    buffer.get(0, copy);
    return copy;
  }

  /** Gives back a prepared image that will not be predicted (its input buffer is reused). */
  public void discard(PreparedImage prepared) {
    buffers.offer(prepared.takeInput());
  }

  /**
   * A pooled input: the direct buffer the engine reads, and the letterbox whose pad rows it holds
   * (those rows are the same for every image of that geometry, so they are written once).
   */
  private static final class InputBuffer {
    final FloatBuffer buffer;
    /** (inH, inW, top, picture height) of the last letterbox written here; null when unknown. */
    int[] paddedFor;

    InputBuffer(FloatBuffer buffer) {
      this.buffer = buffer;
    }

    /**
     * Whether the pad rows of a letterbox of placement {@code p} into an input of {@code size} are
     * in place already; from here on they are taken to be (the letterbox writes them if not).
     */
    boolean padRowsInPlace(int[] size, InputPreparation.Placement p) {
      int[] geometry = {size[0], size[1], p.top(), p.height()};
      boolean inPlace = Arrays.equals(paddedFor, geometry);
      paddedFor = geometry;
      return inPlace;
    }
  }

  /** An image ready for the model: its input tensor and what maps the outputs back onto it. */
  public static final class PreparedImage {
    private InputBuffer input;
    private final int inputH;
    private final int inputW;
    private final int origH;
    private final int origW;
    private final PredictOptions options;

    private PreparedImage(InputBuffer input, int inputH, int inputW, int origH, int origW, PredictOptions options) {
      this.input = input;
      this.inputH = inputH;
      this.inputW = inputW;
      this.origH = origH;
      this.origW = origW;
      this.options = options;
    }

    private synchronized InputBuffer takeInput() {
      if (input == null) {
        throw new IllegalStateException("this prepared image was predicted already");
      }
      InputBuffer taken = input;
      input = null;
      return taken;
    }
  }

  /**
   * The input size (h, w): the graph's for a model with a fixed input; for a dynamic one the asked
   * {@code imgsz} (or the exported one) rounded up to a multiple of the stride, square as
   * Ultralytics makes it for exported models.
   */
  public int[] inputSize(PredictOptions options) {
    if (!dynamicInput) {
      return new int[] {info.imgszH(), info.imgszW()};
    }
    if (options.imgsz() > 0) {
      int s = roundUp(options.imgsz(), Math.max(1, info.stride()));
      return new int[] {s, s};
    }
    return new int[] {info.imgszH(), info.imgszW()};
  }

  private static int roundUp(int value, int stride) {
    return (value + stride - 1) / stride * stride;
  }

  private InputBuffer borrow(int count) {
    InputBuffer input = buffers.poll();
    if (input != null && input.buffer.capacity() == count) {
      input.buffer.clear();
      return input;
    }
    return new InputBuffer(
        ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer());
  }

  @Override
  public void close() {
    session.close();
  }
}
