package dev.loupe.core.inference.decode;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: times the decoders on one thread over synthetic outputs shaped as a COCO model's at
 * 640 (8400 anchors, 80 classes): background scores below 0.05 and 40 objects, each seen by 25
 * neighbouring anchors with scores up to 0.9 and jittered boxes, so NMS has real work. Run its main
 * from the test classpath: {@code java -cp core/target/classes:core/target/test-classes
 * dev.loupe.core.inference.decode.DecodeBenchmark [seconds per case]}. Figures in
 * docs/benchmarks.md.
 */
public final class DecodeBenchmark {
  static final int ANCHORS = 8400;
  static final int CLASSES = 80;
  static final int OBJECTS = 40;
  static final int VIEWS = 25;

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < CLASSES; i++) {
      names.add("c" + i);
    }
    ModelInfo detect = new ModelInfo("onnx", Task.DETECT, names, 640, 640, 32, false, null, 3, Map.of());
    ModelInfo segment = new ModelInfo("onnx", Task.SEGMENT, names, 640, 640, 32, false, null, 3, Map.of());
    Tensor boxes = output(0, new Random(1));
    Tensor withCoefficients = output(32, new Random(1));
    Tensor protos = prototypes(new Random(2));

    DecodeContext predict = Letterbox.context(detect, PredictOptions.DEFAULTS, 640, 640, 480, 640);
    DecodeContext validate =
        Letterbox.context(detect, PredictOptions.DEFAULTS.withConf(0.001), 640, 640, 480, 640);
    DecodeContext segmentPredict = Letterbox.context(segment, PredictOptions.DEFAULTS, 640, 640, 480, 640);

    time("detect (1,84,8400), conf 0.25", OutputDecoders.forModel(detect), List.of(boxes), predict, seconds);
    time("detect (1,84,8400), conf 0.001 multi-label (val)", OutputDecoders.forValidation(detect),
        List.of(boxes), validate, seconds);
    time("segment (1,116,8400)+(1,32,160,160), conf 0.25", OutputDecoders.forModel(segment),
        List.of(withCoefficients, protos), segmentPredict, seconds);
  }

  static void time(String name, OutputDecoder decoder, List<Tensor> outputs, DecodeContext ctx, double seconds) {
    ImagePrediction last = null;
    long warmEnd = System.nanoTime() + (long) (1e9 * Math.min(2, seconds));
    while (System.nanoTime() < warmEnd) {
      last = decoder.decode(outputs, ctx);
    }
    int calls = 0;
    long start = System.nanoTime();
    long end = start + (long) (1e9 * seconds);
    long now;
    do {
      last = decoder.decode(outputs, ctx);
      calls++;
      now = System.nanoTime();
    } while (now < end);
    System.out.printf(
        "%-55s %8.3f ms/call  (%d calls, %d detections)%n",
        name, (now - start) / 1e6 / calls, calls, last.results().size());
  }

  static Tensor output(int extra, Random random) {
    int channels = 4 + CLASSES + extra;
    float[] data = new float[channels * ANCHORS];
    for (int a = 0; a < ANCHORS; a++) {
      data[a] = random.nextFloat() * 640;
      data[ANCHORS + a] = random.nextFloat() * 640;
      data[2 * ANCHORS + a] = 10 + random.nextFloat() * 100;
      data[3 * ANCHORS + a] = 10 + random.nextFloat() * 100;
      for (int c = 0; c < CLASSES; c++) {
        data[(4 + c) * ANCHORS + a] = random.nextFloat() * 0.05f;
      }
      for (int k = 0; k < extra; k++) {
        data[(4 + CLASSES + k) * ANCHORS + a] = (float) random.nextGaussian();
      }
    }
    for (int o = 0; o < OBJECTS; o++) {
      float cx = 50 + random.nextFloat() * 540;
      float cy = 130 + random.nextFloat() * 380;
      float w = 20 + random.nextFloat() * 150;
      float h = 20 + random.nextFloat() * 150;
      int cls = random.nextInt(CLASSES);
      int first = random.nextInt(ANCHORS - VIEWS);
      for (int v = 0; v < VIEWS; v++) {
        int a = first + v;
        data[a] = cx + (float) random.nextGaussian() * 3;
        data[ANCHORS + a] = cy + (float) random.nextGaussian() * 3;
        data[2 * ANCHORS + a] = w * (1 + (float) random.nextGaussian() * 0.05f);
        data[3 * ANCHORS + a] = h * (1 + (float) random.nextGaussian() * 0.05f);
        data[(4 + cls) * ANCHORS + a] = 0.3f + random.nextFloat() * 0.6f;
        data[(4 + (cls + 1) % CLASSES) * ANCHORS + a] = random.nextFloat() * 0.3f;
      }
    }
    return new Tensor(data, new long[] {1, channels, ANCHORS});
  }

  /** Smooth prototypes (a few low-frequency waves each), so masks are blobs as a trained model's are. */
  static Tensor prototypes(Random random) {
    float[] data = new float[32 * 160 * 160];
    for (int k = 0; k < 32; k++) {
      double fx = 0.02 + random.nextDouble() * 0.1;
      double fy = 0.02 + random.nextDouble() * 0.1;
      double px = random.nextDouble() * 6.28;
      double py = random.nextDouble() * 6.28;
      for (int y = 0; y < 160; y++) {
        for (int x = 0; x < 160; x++) {
          data[k * 25600 + y * 160 + x] = (float) (Math.cos(fx * x + px) * Math.cos(fy * y + py));
        }
      }
    }
    return new Tensor(data, new long[] {1, 32, 160, 160});
  }
}
