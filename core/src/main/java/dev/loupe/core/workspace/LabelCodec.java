package dev.loupe.core.workspace;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels of one image as compact bytes: per label a kind byte, the class id, the number of
 * values and the values as doubles (full precision, so every round trip is exact).
 */
final class LabelCodec {
  static final byte BOX = 0;
  static final byte POLYGON = 1;
  static final byte OBB = 2;
  static final byte POSE2 = 3;
  static final byte POSE3 = 4;
  static final byte CLASS = 5;

  private LabelCodec() {}

  static byte[] encode(List<Label> labels) {
    int size = 4;
    for (Label label : labels) {
      size += 1 + 4 + 4 + 8 * valueCount(label);
    }
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.putInt(labels.size());
    for (Label label : labels) {
      buffer.put(kind(label));
      buffer.putInt(label.classId());
      double[] values = dev.loupe.core.domain.YoloRows.values(label);
      buffer.putInt(values.length);
      for (double v : values) {
        buffer.putDouble(v);
      }
    }
    return buffer.array();
  }

  static List<Label> decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int count = buffer.getInt();
    List<Label> labels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte kind = buffer.get();
      int classId = buffer.getInt();
      double[] v = new double[buffer.getInt()];
      for (int j = 0; j < v.length; j++) {
        v[j] = buffer.getDouble();
      }
      labels.add(
          switch (kind) {
            case BOX -> new BoxLabel(classId, v[0], v[1], v[2], v[3]);
            case POLYGON -> new PolygonLabel(classId, Coords.of(v));
            case OBB -> new ObbLabel(classId, Coords.of(v));
            case POSE2, POSE3 ->
                new PoseLabel(
                    classId, v[0], v[1], v[2], v[3], Coords.copyOf(v, 4, v.length - 4),
                    kind == POSE2 ? 2 : 3);
            case CLASS -> new ClassLabel(classId);
            default -> throw new IllegalStateException("unknown label kind " + kind);
          });
    }
    return labels;
  }

  /** Visits each label's raw values without creating objects (for statistics over millions). */
  interface Visitor {
    void label(byte kind, int classId, ByteBuffer buffer, int valueCount);
  }

  static void visit(byte[] bytes, Visitor visitor) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int count = buffer.getInt();
    for (int i = 0; i < count; i++) {
      byte kind = buffer.get();
      int classId = buffer.getInt();
      int n = buffer.getInt();
      int start = buffer.position();
      visitor.label(kind, classId, buffer, n);
      buffer.position(start + 8 * n);
    }
  }

  private static int valueCount(Label label) {
    if (label instanceof BoxLabel) {
      return 4;
    } else if (label instanceof PolygonLabel p) {
      return p.points().size();
    } else if (label instanceof ObbLabel) {
      return 8;
    } else if (label instanceof PoseLabel p) {
      return 4 + p.keypoints().size();
    }
    return 0;
  }

  private static byte kind(Label label) {
    if (label instanceof BoxLabel) {
      return BOX;
    } else if (label instanceof PolygonLabel) {
      return POLYGON;
    } else if (label instanceof ObbLabel) {
      return OBB;
    } else if (label instanceof PoseLabel p) {
      return p.dims() == 2 ? POSE2 : POSE3;
    }
    return CLASS;
  }

  /** The distinct class ids of the labels, sorted. */
  static int[] classIdArray(List<Label> labels) {
    return labels.stream().mapToInt(Label::classId).distinct().sorted().toArray();
  }

  /** The distinct class ids of the labels, sorted, as bytes (four per id). */
  static byte[] classIds(List<Label> labels) {
    int[] ids = classIdArray(labels);
    ByteBuffer buffer = ByteBuffer.allocate(ids.length * 4);
    for (int id : ids) {
      buffer.putInt(id);
    }
    return buffer.array();
  }

  static int[] classIds(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return EMPTY;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int[] ids = new int[bytes.length / 4];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = buffer.getInt();
    }
    return ids;
  }

  static final int[] EMPTY = new int[0];
}
