package dev.loupe.core.workspace;

import dev.loupe.core.insight.BuiltinDescriptor;
import java.io.IOException;
import java.nio.file.Path;

/** Makes the vector of one image file: the built-in descriptor or a model's output. Thread-safe. */
interface VectorSource extends AutoCloseable {
  /** The vector of the image in {@code file}, named {@code name} in messages. */
  float[] vector(Path file, String name) throws IOException;

  @Override
  void close();

  /** The built-in descriptor of a picture decoded at no less than twice the descriptor's grid. */
  static VectorSource builtin() {
    ImageSampler sampler = new ImageSampler();
    return new VectorSource() {
      @Override
      public float[] vector(Path file, String name) throws IOException {
        return BuiltinDescriptor.describe(sampler.read(file, name, 2 * BuiltinDescriptor.GRID));
      }

      @Override
      public void close() {}
    };
  }
}
