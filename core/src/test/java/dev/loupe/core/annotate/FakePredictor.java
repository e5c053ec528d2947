package dev.loupe.core.annotate;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A predictor that answers from a script: the detections for an image are looked up by the image's
 * width (tests give every image its own width). Honours the confidence threshold, counts its calls
 * and records the options it got; can be told to fail.
 */
final class FakePredictor implements Predictor {
  private final ModelInfo info;
  private final Map<Integer, List<Detection>> byWidth = new ConcurrentHashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  final List<PredictOptions> options = java.util.Collections.synchronizedList(new ArrayList<>());
  volatile RuntimeException failure;
  volatile boolean closed;

  FakePredictor(ModelInfo info) {
    this.info = info;
  }

  static ModelInfo info(Task task, List<String> names) {
    return info(task, names, null);
  }

  static ModelInfo info(Task task, List<String> names, KptShape kptShape) {
    return new ModelInfo("onnx", task, names, 640, 640, 32, false, kptShape, 3, Map.of("task", task.apiName()));
  }

  FakePredictor on(int width, Detection... detections) {
    byWidth.put(width, List.of(detections));
    return this;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
    return predict(new dev.loupe.core.io.OrientedImageReader().read(image), options);
  }

  @Override
  public ImagePrediction predict(BufferedImage image, PredictOptions options) {
    calls.incrementAndGet();
    this.options.add(options);
    if (failure != null) {
      throw failure;
    }
    List<Detection> kept = new ArrayList<>();
    for (Detection d : byWidth.getOrDefault(image.getWidth(), List.of())) {
      if (d.confidence() >= options.conf()) {
        kept.add(d);
      }
    }
    return new ImagePrediction(image.getHeight(), image.getWidth(), kept, List.of());
  }

  @Override
  public void close() {
    closed = true;
  }
}
