package dev.loupe.core.annotate;

import dev.loupe.core.inference.Predictor;
import java.io.IOException;
import java.nio.file.Path;

/** Loads a model file into a predictor (the engines' {@code ModelLoader.load}); tests pass fakes. */
@FunctionalInterface
public interface PredictorFactory {
  Predictor open(Path modelFile) throws IOException;
}
