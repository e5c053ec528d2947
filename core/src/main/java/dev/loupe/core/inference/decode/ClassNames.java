package dev.loupe.core.inference.decode;

import java.util.List;

/** The name of a class id, {@code class<N>} where the model's metadata has none (as Ultralytics). */
final class ClassNames {
  private ClassNames() {}

  static String of(List<String> names, int id) {
    return id >= 0 && id < names.size() ? names.get(id) : "class" + id;
  }
}
