package dev.loupe.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.workspace.DatasetCounts;
import dev.loupe.core.workspace.DatasetVersion;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.TrashEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Loupe's objects in the JSON shapes of the Ultralytics Platform REST API, so one client reads the
 * platform and a local workspace alike. Labels: {@code {"classId":0,"bbox":[cx,cy,w,h]}},
 * {@code {"classId":1,"segments":[x1,y1,...]}}; pose adds {@code "keypoints":[x,y,(v),...]} to the
 * box, an oriented box is {@code {"classId":2,"obb":[x1,y1,...,x4,y4]}}, an image class is
 * {@code {"classId":3}}.
 */
public final class ApiJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  public static ObjectNode dataset(Dataset d, DatasetCounts counts) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("_id", d.id());
    n.put("name", d.name());
    n.put("slug", d.slug());
    n.put("task", d.task().apiName());
    n.put("description", d.description());
    n.put("imageCount", counts.images());
    n.put("classCount", d.classCount());
    n.put("labelCount", counts.labels());
    ArrayNode names = n.putArray("classNames");
    d.classNames().forEach(names::add);
    n.put("visibility", d.visibility().apiName());
    ObjectNode splits = n.putObject("splits");
    splits.put("train", counts.train());
    splits.put("val", counts.val());
    splits.put("test", counts.test());
    if (d.kptShape() != null) {
      ArrayNode kpt = n.putArray("kptShape");
      d.kptShape().asList().forEach(kpt::add);
    }
    if (d.flipIdx() != null) {
      ArrayNode flip = n.putArray("flipIdx");
      d.flipIdx().forEach(flip::add);
    }
    n.put("createdAt", d.createdAt().toString());
    n.put("updatedAt", d.updatedAt().toString());
    return n;
  }

  public static ObjectNode datasets(List<ObjectNode> datasets) {
    ObjectNode n = MAPPER.createObjectNode();
    n.putArray("datasets").addAll(datasets);
    n.put("total", datasets.size());
    return n;
  }

  public static ObjectNode image(ImageRecord r) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("hash", r.hash());
    n.put("filename", r.filename());
    n.put("width", r.width());
    n.put("height", r.height());
    n.put("size", r.size());
    n.put("split", r.split().apiName());
    n.put("labelCount", r.labelCount());
    n.put("hasError", r.hasError());
    if (r.errorReason() != null) {
      n.put("errorReason", r.errorReason());
    }
    if (r.url() != null) {
      n.put("url", r.url());
    }
    n.put("createdAt", r.createdAt().toString());
    n.put("updatedAt", r.updatedAt().toString());
    return n;
  }

  public static ObjectNode images(ImagePage page, int offset, int limit) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode list = n.putArray("images");
    page.images().forEach(r -> list.add(image(r)));
    n.put("total", page.total());
    n.put("offset", offset);
    n.put("limit", limit);
    if (page.nextCursor() != null) {
      n.put("nextCursor", page.nextCursor());
    } else {
      n.putNull("nextCursor");
    }
    return n;
  }

  public static ObjectNode labels(List<Label> labels, List<String> classNames) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode list = n.putArray("labels");
    labels.forEach(l -> list.add(label(l)));
    ArrayNode names = n.putArray("classNames");
    classNames.forEach(names::add);
    return n;
  }

  public static ObjectNode label(Label label) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("classId", label.classId());
    if (label instanceof BoxLabel b) {
      numbers(n.putArray("bbox"), b.cx(), b.cy(), b.w(), b.h());
    } else if (label instanceof PolygonLabel p) {
      numbers(n.putArray("segments"), p.points().toArray());
    } else if (label instanceof ObbLabel o) {
      numbers(n.putArray("obb"), o.corners().toArray());
    } else if (label instanceof PoseLabel p) {
      numbers(n.putArray("bbox"), p.cx(), p.cy(), p.w(), p.h());
      numbers(n.putArray("keypoints"), p.keypoints().toArray());
    }
    return n;
  }

  /**
   * Reads labels in the {@code PUT /labels} body shape ({@code {"labels":[...]}} or a bare array) for
   * a dataset of the given task.
   *
   * @throws IllegalArgumentException naming the label at fault
   */
  public static List<Label> parseLabels(JsonNode body, Task task, int kptDims) {
    JsonNode array = body.isArray() ? body : body.path("labels");
    if (!array.isArray()) {
      throw new IllegalArgumentException("expected {\"labels\": [...]} or a JSON array of labels");
    }
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode l = array.get(i);
      try {
        labels.add(parseLabel(l, task, kptDims));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("label " + i + ": " + e.getMessage(), e);
      }
    }
    return labels;
  }

  private static Label parseLabel(JsonNode l, Task task, int kptDims) {
    if (!l.path("classId").isIntegralNumber()) {
      throw new IllegalArgumentException("needs an integer classId");
    }
    int classId = l.get("classId").asInt();
    if (l.has("segments")) {
      return new PolygonLabel(classId, Coords.of(doubles(l.get("segments"))));
    }
    if (l.has("obb")) {
      return new ObbLabel(classId, Coords.of(doubles(l.get("obb"))));
    }
    if (l.has("bbox")) {
      double[] b = doubles(l.get("bbox"));
      if (b.length != 4) {
        throw new IllegalArgumentException("bbox needs 4 values [cx, cy, w, h], got " + b.length);
      }
      if (l.has("keypoints")) {
        return new PoseLabel(classId, b[0], b[1], b[2], b[3], Coords.of(doubles(l.get("keypoints"))), kptDims);
      }
      return new BoxLabel(classId, b[0], b[1], b[2], b[3]);
    }
    if (task == Task.CLASSIFY) {
      return new ClassLabel(classId);
    }
    throw new IllegalArgumentException("needs bbox, segments, obb or (classify) only classId");
  }

  private static double[] doubles(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("coordinates must be an array of numbers");
    }
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      if (!array.get(i).isNumber()) {
        throw new IllegalArgumentException("'" + array.get(i) + "' is not a number");
      }
      v[i] = array.get(i).asDouble();
    }
    return v;
  }

  public static JsonNode classStats(ClassStats stats) {
    return MAPPER.valueToTree(stats);
  }

  public static ObjectNode version(DatasetVersion v) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("version", v.version());
    n.put("description", v.description());
    n.put("createdAt", v.createdAt().toString());
    n.put("imageCount", v.imageCount());
    n.put("classCount", v.classCount());
    n.put("annotationCount", v.labelCount());
    ObjectNode splits = n.putObject("splits");
    v.splits().forEach(splits::put);
    n.put("bytes", v.bytes());
    n.put("downloadUrl", v.file().toUri().toString());
    return n;
  }

  public static ObjectNode versions(List<DatasetVersion> versions) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode list = n.putArray("versions");
    versions.forEach(v -> list.add(version(v)));
    return n;
  }

  public static ObjectNode trash(List<TrashEntry> entries) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode list = n.putArray("items");
    for (TrashEntry e : entries) {
      ObjectNode item = list.addObject();
      item.put("_id", e.id());
      item.put("type", e.type());
      item.put("name", e.name());
      item.put("slug", e.slug());
      item.put("imageCount", e.imageCount());
      item.put("deletedAt", e.deletedAt().toString());
      item.put("expiresAt", e.expiresAt().toString());
    }
    n.put("total", entries.size());
    return n;
  }

  private static void numbers(ArrayNode array, double... values) {
    for (double v : values) {
      array.add(v);
    }
  }
}
