package dev.loupe.core.formats.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.ExportItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes COCO categories and the annotations of one image in pixels. */
final class CocoAnnotationWriter {
  private final Dataset ds;
  private long nextId = 1;

  CocoAnnotationWriter(Dataset ds) {
    this.ds = ds;
  }

  void writeCategories(JsonGenerator gen) throws IOException {
    gen.writeArrayFieldStart("categories");
    for (int i = 0; i < ds.classNames().size(); i++) {
      gen.writeStartObject();
      gen.writeNumberField("id", i + 1);
      gen.writeStringField("name", ds.classNames().get(i));
      gen.writeStringField("supercategory", "");
      if (ds.task() == Task.POSE && ds.kptShape() != null) {
        gen.writeArrayFieldStart("keypoints");
        for (String name : keypointNames(i)) {
          gen.writeString(name);
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("skeleton");
        gen.writeEndArray();
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  /** kpt_names from the dataset's extra keys (a list, or per class id), else kp_0, kp_1, ... */
  List<String> keypointNames(int classId) {
    int k = ds.kptShape().keypoints();
    Object names = ds.extra().get("kpt_names");
    if (names instanceof Map<?, ?> map) {
      Object v = map.get(classId);
      names = v != null ? v : map.get(Integer.toString(classId));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(names instanceof List<?> list && i < list.size() ? String.valueOf(list.get(i)) : "kp_" + i);
    }
    return out;
  }

  void write(JsonGenerator gen, long imageId, ExportItem item) throws IOException {
    double w = item.image().width();
    double h = item.image().height();
    for (Label label : item.labels()) {
      double[] box;
      double[] polygon = null;
      if (label instanceof BoxLabel b) {
        box = box(b.cx(), b.cy(), b.w(), b.h(), w, h);
      } else if (label instanceof PoseLabel p) {
        box = box(p.cx(), p.cy(), p.w(), p.h(), w, h);
      } else if (label instanceof PolygonLabel p) {
        polygon = pixels(p.points().toArray(), w, h);
        box = bounds(polygon);
      } else if (label instanceof ObbLabel o) {
        polygon = pixels(o.corners().toArray(), w, h);
        box = bounds(polygon);
      } else {
        continue;
      }
      gen.writeStartObject();
      gen.writeNumberField("id", nextId++);
      gen.writeNumberField("image_id", imageId);
      gen.writeNumberField("category_id", label.classId() + 1);
      gen.writeArrayFieldStart("bbox");
      for (double d : box) {
        gen.writeNumber(d);
      }
      gen.writeEndArray();
      gen.writeNumberField("area", polygon != null ? CocoPolygons.area(polygon) : box[2] * box[3]);
      gen.writeNumberField("iscrowd", 0);
      gen.writeArrayFieldStart("segmentation");
      if (polygon != null) {
        gen.writeStartArray();
        for (double d : polygon) {
          gen.writeNumber(d);
        }
        gen.writeEndArray();
      }
      gen.writeEndArray();
      if (label instanceof PoseLabel p) {
        writeKeypoints(gen, p, w, h);
      }
      gen.writeEndObject();
    }
  }

  private static void writeKeypoints(JsonGenerator gen, PoseLabel p, double w, double h) throws IOException {
    double[] k = p.keypoints().toArray();
    int labeled = 0;
    gen.writeArrayFieldStart("keypoints");
    for (int i = 0; i < k.length; i += p.dims()) {
      int v = p.dims() == 3 ? (int) Math.round(k[i + 2]) : (k[i] != 0 || k[i + 1] != 0 ? 2 : 0);
      gen.writeNumber(k[i] * w);
      gen.writeNumber(k[i + 1] * h);
      gen.writeNumber(v);
      labeled += v > 0 ? 1 : 0;
    }
    gen.writeEndArray();
    gen.writeNumberField("num_keypoints", labeled);
  }

  private static double[] box(double cx, double cy, double bw, double bh, double w, double h) {
    return new double[] {(cx - bw / 2) * w, (cy - bh / 2) * h, bw * w, bh * h};
  }

  private static double[] pixels(double[] xy, double w, double h) {
    double[] p = new double[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      p[i] = xy[i] * w;
      p[i + 1] = xy[i + 1] * h;
    }
    return p;
  }

  private static double[] bounds(double[] xy) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xy.length; i += 2) {
      minX = Math.min(minX, xy[i]);
      maxX = Math.max(maxX, xy[i]);
      minY = Math.min(minY, xy[i + 1]);
      maxY = Math.max(maxY, xy[i + 1]);
    }
    return new double[] {minX, minY, maxX - minX, maxY - minY};
  }
}
