package dev.loupe.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.decode.RotatedBoxes;
import java.util.List;

/**
 * Predictions in the shape of the platform's {@code POST /api/models/{id}/predict} response:
 * {@code {"images":[{"shape":[h,w],"results":[...]}],"metadata":{"imageCount":N}}}. Each result
 * has {@code class}, {@code name}, {@code confidence} and {@code box} (x1..y2), plus, as
 * Ultralytics' {@code Results.summary()} writes them: {@code segments} {x:[..], y:[..]} for
 * segment models, {@code keypoints} {x, y, visible} for pose, the four corners x1..y4 in
 * {@code box} for obb; a classification result is {@code class}, {@code name}, {@code confidence}
 * for each of the top five. Pixel values are rounded to 2 decimals, confidences to 5.
 */
public final class PredictJson {
  private PredictJson() {}

  /** One image with the name it was read from (an addition the platform's shape does not have). */
  public record Item(String file, ImagePrediction prediction) {}

  public static ObjectNode response(ModelInfo model, List<Item> items) {
    ObjectNode root = ApiJson.MAPPER.createObjectNode();
    ArrayNode images = root.putArray("images");
    for (Item item : items) {
      images.add(image(model, item));
    }
    root.putObject("metadata").put("imageCount", items.size());
    return root;
  }

  public static ObjectNode image(ModelInfo model, Item item) {
    ImagePrediction p = item.prediction();
    ObjectNode image = ApiJson.MAPPER.createObjectNode();
    if (item.file() != null) {
      image.put("file", item.file());
    }
    image.putArray("shape").add(p.height()).add(p.width());
    ArrayNode results = image.putArray("results");
    for (ClassScore score : p.top5()) {
      results.addObject()
          .put("class", score.classId())
          .put("name", score.name())
          .put("confidence", round(score.confidence(), 5));
    }
    for (Detection d : p.results()) {
      results.add(result(model, d));
    }
    return image;
  }

  static ObjectNode result(ModelInfo model, Detection d) {
    ObjectNode r = ApiJson.MAPPER.createObjectNode();
    r.put("class", d.classId()).put("name", d.name()).put("confidence", round(d.confidence(), 5));
    ObjectNode box = r.putObject("box");
    if (d.obb() != null) {
      double[] c = RotatedBoxes.corners(d.obb());
      for (int i = 0; i < 4; i++) {
        box.put("x" + (i + 1), round(c[2 * i], 2)).put("y" + (i + 1), round(c[2 * i + 1], 2));
      }
    } else {
      box.put("x1", round(d.x1(), 2)).put("y1", round(d.y1(), 2));
      box.put("x2", round(d.x2(), 2)).put("y2", round(d.y2(), 2));
    }
    if (!d.segments().isEmpty() || model.task() == Task.SEGMENT) {
      // a segment model's result always has segments, empty where the mask is (as Ultralytics writes)
      ObjectNode segments = r.putObject("segments");
      ArrayNode xs = segments.putArray("x");
      ArrayNode ys = segments.putArray("y");
      double[] polygon = longest(d.segments());
      for (int i = 0; i + 1 < polygon.length; i += 2) {
        xs.add(round(polygon[i], 2));
        ys.add(round(polygon[i + 1], 2));
      }
    }
    if (d.keypoints() != null) {
      KptShape shape = model.kptShape();
      int dims = shape != null ? shape.dims() : 3;
      ObjectNode k = r.putObject("keypoints");
      ArrayNode xs = k.putArray("x");
      ArrayNode ys = k.putArray("y");
      ArrayNode visible = dims == 3 ? k.putArray("visible") : null;
      double[] kp = d.keypoints();
      for (int i = 0; i + dims - 1 < kp.length; i += dims) {
        xs.add(round(kp[i], 2));
        ys.add(round(kp[i + 1], 2));
        if (visible != null) {
          visible.add(round(kp[i + 2], 5));
        }
      }
    }
    return r;
  }

  /** Ultralytics reports one polygon per object (the largest when a mask falls apart). */
  private static double[] longest(List<double[]> polygons) {
    double[] best = new double[0];
    for (double[] p : polygons) {
      if (p.length > best.length) {
        best = p;
      }
    }
    return best;
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
