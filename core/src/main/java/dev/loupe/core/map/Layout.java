package dev.loupe.core.map;

/**
 * A 2-D position for every input vector, in input order: point {@code i} is at ({@code x[i]},
 * {@code y[i]}).
 */
public record Layout(float[] x, float[] y) {
  public Layout {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    }
  }

  public int size() {
    return x.length;
  }
}
