package dev.loupe.app.cli;

import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.inference.Predictor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How the model commands read and load model files: the inference engines in the real program, a
 * fake in tests.
 */
public interface ModelRuntime extends PredictorFactory {
  /** What a model file says about itself; throws with the reason when it cannot be read. */
  ModelInfo inspect(Path modelFile);

  @Override
  Predictor open(Path modelFile) throws IOException;

  /** The engines of this build: ONNX Runtime and libtorch through DJL, on the CPU or a GPU found. */
  static ModelRuntime engines() {
    return new ModelRuntime() {
      @Override
      public ModelInfo inspect(Path modelFile) {
        try {
          return ModelLoader.inspect(modelFile);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
      }

      @Override
      public Predictor open(Path modelFile) throws IOException {
        return ModelLoader.load(modelFile, EngineOptions.DEFAULTS);
      }
    };
  }
}
