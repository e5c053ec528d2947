package dev.loupe.core.inference;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded model that predicts on images. Implementations are thread-safe: several threads may call
 * {@link #predict} at once. Close it to free the engine's native memory.
 */
public interface Predictor extends AutoCloseable {
  ModelInfo info();

  /** Reads the image file (honouring EXIF orientation) and predicts on it. */
  ImagePrediction predict(Path image, PredictOptions options) throws IOException;

  /** Predicts on an image already decoded and oriented. */
  ImagePrediction predict(BufferedImage image, PredictOptions options);

  @Override
  void close();
}
