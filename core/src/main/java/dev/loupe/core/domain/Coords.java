package dev.loupe.core.domain;

import java.util.Arrays;

/** An immutable list of coordinates (normalized 0..1 unless said otherwise), compared by value. */
public final class Coords {
  private final double[] values;

  private Coords(double[] values) {
    this.values = values;
  }

  public static Coords of(double... values) {
    return new Coords(values.clone());
  }

  /** Copies {@code length} values starting at {@code from}. */
  public static Coords copyOf(double[] source, int from, int length) {
    return new Coords(Arrays.copyOfRange(source, from, from + length));
  }

  public int size() {
    return values.length;
  }

  public double get(int index) {
    return values[index];
  }

  public double[] toArray() {
    return values.clone();
  }

  /** Copies the values into {@code target} at {@code offset}. */
  public void copyTo(double[] target, int offset) {
    System.arraycopy(values, 0, target, offset, values.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Coords other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
