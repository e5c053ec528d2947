package dev.loupe.core.workspace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float vectors as the embedding table stores them: float32 values, little-endian. */
final class VectorBytes {
  private VectorBytes() {}

  static byte[] encode(float[] vector) {
    ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] decode(byte[] bytes) {
    if (bytes.length % Float.BYTES != 0) {
      throw new WorkspaceException("a stored vector has " + bytes.length + " bytes, not a whole number of floats");
    }
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
