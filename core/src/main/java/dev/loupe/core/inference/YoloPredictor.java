package dev.loupe.core.inference;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.decode.Letterbox;
import dev.loupe.core.inference.decode.OutputDecoders;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ultralytics' predict pipeline around a loaded model: decode with EXIF orientation, letterbox
 * (classification: resize and centre crop), run, decode the outputs (NMS, masks, keypoints) and map
 * them back onto the image. Thread-safe: input buffers are pooled, one per thread predicting at once.
 */
public final class YoloPredictor implements Predictor {
  private final ModelInfo info;
  private final ModelSession session;
  private final OutputDecoder decoder;
  private final ImageDecoding decoding = new ImageDecoding();
  private final boolean dynamicInput;
  private final Queue<float[]> buffers = new ConcurrentLinkedQueue<>();

  YoloPredictor(ModelInfo info, ModelSession session) {
    this.session = session;
    long[] shape = session.inputShape();
    if (shape.length != 4) {
      session.close();
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

  /** The engine and device it runs on, e.g. {@code ONNX Runtime 1.24.1 on CPU}. */
  public String engine() {
    return session.description();
  }

  @Override
  public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
    return predict(decoding.read(image), options);
  }

  @Override
  public ImagePrediction predict(BufferedImage image, PredictOptions options) {
    return predict(ImageDecoding.toBgr(image), options);
  }

  /** Predicts on an upright image already decoded into BGR bytes. */
  public ImagePrediction predict(BgrImage image, PredictOptions options) {
    int[] size = inputSize(options);
    int inH = size[0];
    int inW = size[1];
    int count = 3 * inH * inW;
    float[] input = borrow(count);
    try {
      if (info.task() == Task.CLASSIFY) {
        InputPreparation.centreCrop(image, inH, input);
      } else {
        InputPreparation.letterbox(image, inH, inW, input);
      }
      List<Tensor> outputs = session.run(input, new long[] {1, 3, inH, inW});
      DecodeContext context =
          Letterbox.context(info, options, inH, inW, image.height(), image.width());
      return decoder.decode(outputs, context);
    } finally {
      buffers.offer(input);
    }
  }

  /**
   * The input size (h, w): the graph's for a model with a fixed input; for a dynamic one the asked
   * {@code imgsz} (or the exported one) rounded up to a multiple of the stride, square as
   * Ultralytics makes it for exported models.
   */
  int[] inputSize(PredictOptions options) {
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

  private float[] borrow(int count) {
    float[] buffer = buffers.poll();
    return buffer != null && buffer.length == count ? buffer : new float[count];
  }

  @Override
  public void close() {
    session.close();
  }
}
