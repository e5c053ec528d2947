package dev.loupe.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.annotate.DatasetPrediction;
import dev.loupe.core.annotate.ValidationReport;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.metrics.ClassMetrics;
import dev.loupe.core.metrics.ValidationMetrics;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.RevertResult;
import java.util.List;

/**
 * Projects, models, auto-annotation and validation in the platform API's JSON shapes (a sibling of
 * {@link ApiJson}): {@code GET /api/projects/{id}}, {@code GET /api/models/{id}}, the response of
 * {@code POST /api/models/{id}/predict} ({@code images[].shape/results[]}) for a dataset image, and
 * validation metrics under the names the platform shows ({@code precision}, {@code recall},
 * {@code mAP50}, {@code mAP50-95}).
 */
public final class ModelJson {
  private ModelJson() {}

  public static ObjectNode project(Project p, int modelCount) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("_id", p.id());
    n.put("name", p.name());
    n.put("slug", p.slug());
    n.put("description", p.description());
    n.put("visibility", p.visibility().apiName());
    n.put("iconColor", p.iconColor());
    n.put("iconLetter", p.iconLetter());
    n.put("modelCount", modelCount);
    n.put("createdAt", p.createdAt().toString());
    n.put("updatedAt", p.updatedAt().toString());
    return n;
  }

  public static ObjectNode projects(List<ObjectNode> projects) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.putArray("projects").addAll(projects);
    n.put("total", projects.size());
    return n;
  }

  /** A model, with its project's slug and icon as {@code GET /datasets/{id}/models} lists them. */
  public static ObjectNode model(ModelRecord m, Project project) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("_id", m.id());
    n.put("name", m.name());
    n.put("slug", m.slug());
    n.put("description", m.description());
    n.put("status", "completed");
    if (m.task() != null) {
      n.put("task", m.task().apiName());
    } else {
      n.putNull("task");
    }
    n.put("format", m.format());
    n.put("runnable", m.runnable());
    if (project != null) {
      n.put("projectId", project.id());
      n.put("projectSlug", project.slug());
      n.put("projectIconColor", project.iconColor());
      n.put("projectIconLetter", project.iconLetter());
    } else {
      n.putNull("projectId");
    }
    ArrayNode names = n.putArray("classNames");
    m.classNames().forEach(names::add);
    n.putArray("imgsz").add(m.imgszH()).add(m.imgszW());
    n.put("stride", m.stride());
    n.put("end2end", m.endToEnd());
    if (m.kptShape() != null) {
      ArrayNode kpt = n.putArray("kptShape");
      m.kptShape().asList().forEach(kpt::add);
    }
    n.put("channels", m.channels());
    if (m.inspectError() != null) {
      n.put("inspectError", m.inspectError());
    }
    ObjectNode file = n.putObject("file");
    file.put("name", m.fileName());
    file.put("hash", m.fileHash());
    file.put("size", m.fileSize());
    ObjectNode metadata = n.putObject("metadata");
    new java.util.TreeMap<>(m.metadata()).forEach(metadata::put);
    n.put("createdAt", m.createdAt().toString());
    n.put("updatedAt", m.updatedAt().toString());
    return n;
  }

  public static ObjectNode models(List<ObjectNode> models) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.putArray("models").addAll(models);
    n.put("count", models.size());
    return n;
  }

  public static ObjectNode annotationRun(AnnotationRun r) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("_id", r.id());
    n.put("datasetId", r.datasetId());
    n.put("modelId", r.modelId());
    n.put("modelName", r.modelName());
    n.put("confidence", r.conf());
    n.put("iou", r.iou());
    n.put("selection", r.selection());
    n.put("state", r.state());
    n.put("imagesTotal", r.imagesTotal());
    n.put("imagesDone", r.imagesDone());
    n.put("imagesFailed", r.imagesFailed());
    n.put("imagesLabeled", r.imagesLabeled());
    n.put("labelsAdded", r.labelsAdded());
    n.put("labelsSkipped", r.labelsSkipped());
    if (r.message() != null) {
      n.put("message", r.message());
    }
    n.put("createdAt", r.createdAt().toString());
    n.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
    n.put("revertedAt", r.revertedAt() == null ? null : r.revertedAt().toString());
    return n;
  }

  public static ObjectNode annotateResult(AnnotateResult result) {
    ObjectNode n = annotationRun(result.run());
    n.put("unmappedPredictions", result.unmappedPredictions());
    if (result.classDifferences() != null) {
      n.put("classDifferences", result.classDifferences());
    }
    ObjectNode refused = n.putObject("refused");
    result.refused().forEach(refused::put);
    return n;
  }

  public static ObjectNode revert(RevertResult r) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.set("run", annotationRun(r.run()));
    n.put("reverted", !r.refused());
    n.put("restored", r.restored());
    ArrayNode edited = n.putArray("editedSince");
    r.editedSince().forEach(edited::add);
    ArrayNode later = n.putArray("laterRuns");
    r.laterRuns().forEach(later::add);
    ArrayNode gone = n.putArray("gone");
    r.gone().forEach(gone::add);
    ArrayNode removed = n.putArray("classesRemoved");
    r.classesRemoved().forEach(removed::add);
    ArrayNode kept = n.putArray("classesKept");
    r.classesKept().forEach(kept::add);
    return n;
  }

  /**
   * {@code POST /api/datasets/{id}/predict} for one image: the model's results as {@code POST
   * /api/models/{id}/predict} returns them, and the labels an annotation would add in the shape
   * {@code PUT /labels} takes.
   */
  public static ObjectNode datasetPrediction(DatasetPrediction p) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    ObjectNode image = n.putArray("images").addObject();
    image.put("hash", p.image().hash());
    image.putArray("shape").add(p.prediction().height()).add(p.prediction().width());
    ArrayNode results = image.putArray("results");
    for (Detection d : p.prediction().results()) {
      results.add(result(d));
    }
    ArrayNode top5 = image.putArray("top5");
    p.prediction().top5().forEach(s -> top5.addObject().put("class", s.classId()).put("name", s.name())
        .put("confidence", s.confidence()));
    n.set("labels", ApiJson.labels(p.labels(), p.dataset().classNames()).get("labels"));
    ArrayNode classNames = n.putArray("classNames");
    p.dataset().classNames().forEach(classNames::add);
    ObjectNode metadata = n.putObject("metadata");
    metadata.put("imageCount", 1);
    metadata.put("modelId", p.model().id());
    metadata.put("confidence", p.confidence());
    metadata.put("iou", p.iou());
    return n;
  }

  private static ObjectNode result(Detection d) {
    ObjectNode r = ApiJson.MAPPER.createObjectNode();
    r.put("class", d.classId());
    r.put("name", d.name());
    r.put("confidence", d.confidence());
    r.putObject("box").put("x1", d.x1()).put("y1", d.y1()).put("x2", d.x2()).put("y2", d.y2());
    if (!d.segments().isEmpty()) {
      ArrayNode segments = r.putArray("segments");
      for (double[] polygon : d.segments()) {
        ArrayNode xy = segments.addArray();
        for (double v : polygon) {
          xy.add(v);
        }
      }
    }
    if (d.keypoints() != null) {
      ArrayNode k = r.putArray("keypoints");
      for (double v : d.keypoints()) {
        k.add(v);
      }
    }
    if (d.obb() != null) {
      ArrayNode o = r.putArray("obb");
      for (double v : d.obb()) {
        o.add(v);
      }
    }
    return r;
  }

  /** Validation figures: overall and per class, for each kind of metric. */
  public static ObjectNode validation(ValidationReport r) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("model", r.model());
    n.put("dataset", r.dataset());
    n.put("task", r.task().apiName());
    n.put("split", r.split().apiName());
    n.put("images", r.images());
    n.put("failedImages", r.failedImages());
    if (r.firstProblem() != null) {
      n.put("firstProblem", r.firstProblem());
    }
    if (r.classDifferences() != null) {
      n.put("classDifferences", r.classDifferences());
    }
    ObjectNode metrics = n.putObject("metrics");
    r.metrics().forEach((kind, m) -> metrics.set(kind, metrics(m)));
    if (!Double.isNaN(r.top1())) {
      n.put("top1", r.top1());
      n.put("top5", r.top5());
    }
    n.put("seconds", r.seconds());
    return n;
  }

  private static ObjectNode metrics(ValidationMetrics m) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.set("all", row(m.all()));
    ArrayNode classes = n.putArray("classes");
    m.classes().forEach(c -> classes.add(row(c)));
    return n;
  }

  private static ObjectNode row(ClassMetrics c) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    if (c.classId() >= 0) {
      n.put("classId", c.classId());
    }
    n.put("name", c.name());
    n.put("images", c.images());
    n.put("instances", c.instances());
    n.put("precision", c.precision());
    n.put("recall", c.recall());
    n.put("mAP50", c.map50());
    n.put("mAP50-95", c.map50to95());
    return n;
  }
}
