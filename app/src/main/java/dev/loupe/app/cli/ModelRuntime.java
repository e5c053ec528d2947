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

  /**
   * This runtime loading models with {@code options} (device, threads); a runtime without engines
   * (a test's fake) is itself.
   */
  default ModelRuntime with(EngineOptions options) {
    return this;
  }

  /** The engines of this build: ONNX Runtime and libtorch through DJL, on the CPU or a GPU found. */
  static ModelRuntime engines() {
    return engines(EngineOptions.DEFAULTS);
  }

  /** The engines of this build, loading models with {@code options}. */
  static ModelRuntime engines(EngineOptions options) {
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
        return ModelLoader.load(modelFile, options);
      }

      @Override
      public ModelRuntime with(EngineOptions other) {
        return engines(other);
      }
    };
  }
}
