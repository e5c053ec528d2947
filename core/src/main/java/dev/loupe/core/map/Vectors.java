package dev.loupe.core.map;

/** {@code n} vectors of {@code dims} floats, row after row in one array. */
record Vectors(float[] data, int dims) {
  int size() {
    return data.length / dims;
  }

  /** Squared Euclidean distance between rows {@code i} and {@code j}. */
  float distanceSquared(int i, int j) {
    int a = i * dims;
    int b = j * dims;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dims; d += 4) {
      float e0 = data[a + d] - data[b + d];
      float e1 = data[a + d + 1] - data[b + d + 1];
      float e2 = data[a + d + 2] - data[b + d + 2];
      float e3 = data[a + d + 3] - data[b + d + 3];
      s0 += e0 * e0;
      s1 += e1 * e1;
      s2 += e2 * e2;
      s3 += e3 * e3;
    }
    for (; d < dims; d++) {
      float e = data[a + d] - data[b + d];
      s0 += e * e;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The rows as one array, checked: all of one length and finite. */
  static Vectors of(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no vectors to lay out");
    }
    int dims = rows[0].length;
    if (dims == 0) {
      throw new IllegalArgumentException("vectors have no dimensions");
    }
    float[] data = new float[rows.length * dims];
    for (int i = 0; i < rows.length; i++) {
      float[] row = rows[i];
      if (row.length != dims) {
        throw new IllegalArgumentException(
            "vectors differ in length: vector 0 has " + dims + " values, vector " + i + " has " + row.length);
      }
      for (int d = 0; d < dims; d++) {
        if (!Float.isFinite(row[d])) {
          throw new IllegalArgumentException("vector " + i + " holds " + row[d] + " at position " + d);
        }
      }
      System.arraycopy(row, 0, data, i * dims, dims);
    }
    return new Vectors(data, dims);
  }
}
