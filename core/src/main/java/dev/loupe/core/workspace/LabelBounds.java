package dev.loupe.core.workspace;

import java.nio.ByteBuffer;

/**
 * The box and point count of each label in {@link LabelCodec} bytes, as the class statistics count
 * them: a box or a pose by its centre and size, a polygon or an oriented box by the extent of its
 * points, an image class without geometry. The statistics sums and the heatmap-cell scan both read
 * labels through here, so a label lands in the same heatmap cell in both.
 */
final class LabelBounds {
  /** Receives each label of an image. */
  interface Visitor {
    /** A label without geometry (an image class). */
    void classLabel(int classId);

    /** A label with geometry: its bounding box in normalized coordinates and its point count. */
    void label(int classId, double minX, double minY, double maxX, double maxY, int pointCount);
  }

  private LabelBounds() {}

  static void visit(byte[] labels, Visitor visitor) {
    LabelCodec.visit(labels, (kind, classId, buffer, n) -> visit(kind, classId, buffer, n, visitor));
  }

  private static void visit(byte kind, int classId, ByteBuffer b, int n, Visitor visitor) {
    int at = b.position();
    switch (kind) {
      case LabelCodec.CLASS -> visitor.classLabel(classId);
      case LabelCodec.BOX, LabelCodec.POSE2, LabelCodec.POSE3 -> {
        double cx = b.getDouble(at);
        double cy = b.getDouble(at + 8);
        double w = b.getDouble(at + 16);
        double h = b.getDouble(at + 24);
        int pointCount = kind == LabelCodec.BOX ? 4 : (n - 4) / (kind == LabelCodec.POSE2 ? 2 : 3);
        visitor.label(classId, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, pointCount);
      }
      default -> {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < n; i += 2) {
          double x = b.getDouble(at + 8 * i);
          double y = b.getDouble(at + 8 * i + 8);
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
        visitor.label(classId, minX, minY, maxX, maxY, kind == LabelCodec.OBB ? 4 : n / 2);
      }
    }
  }
}
