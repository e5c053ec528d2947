package dev.loupe.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.insight.SimilarImage;
import java.util.List;

/**
 * Embeddings, maps, similar images and duplicates as JSON: the command line's shapes ({@code loupe
 * embed|map|similar|duplicates --json}), and the shapes of the platform's dataset embeddings
 * ({@code GET /api/datasets/{id}/embeddings}: the map's summary and the task's state) and clustering
 * view ({@code GET /api/datasets/{id}/images/clustering}: the UMAP 2-D layout with each image's
 * metadata, a page at a time). The reference names these endpoints without their fields; the field
 * names follow its other responses (camelCase, {@code total}, ISO times).
 */
public final class InsightJson {
  private InsightJson() {}

  /** {@code {"dataset", "embedded", "reused", "dimension", "model"}}. */
  public static ObjectNode embedResult(EmbedResult r) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("dataset", r.datasetId());
    n.put("embedded", r.embedded());
    n.put("reused", r.reused());
    n.put("dimension", r.dimension());
    n.put("model", r.model());
    return n;
  }

  /** {@code {"total", "points": [{"hash", "x", "y", "cluster", "split"}]}}: every point of the map. */
  public static ObjectNode map(DatasetMap map) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("total", map.points().size());
    ArrayNode points = n.putArray("points");
    for (MapPoint p : map.points()) {
      ObjectNode o = points.addObject();
      o.put("hash", p.hash());
      o.put("x", p.x());
      o.put("y", p.y());
      o.put("cluster", p.cluster());
      o.put("split", p.split().apiName());
    }
    return n;
  }

  /** {@code {"hash", "results": [{"hash", "filename", "distance"}]}}, nearest first. */
  public static ObjectNode similar(String hash, List<SimilarImage> results) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("hash", hash);
    ArrayNode array = n.putArray("results");
    for (SimilarImage s : results) {
      ObjectNode o = array.addObject();
      o.put("hash", s.hash());
      o.put("filename", s.filename());
      o.put("distance", s.distance());
    }
    return n;
  }

  /** {@code {"groups": [{"kind": "exact"|"near", "crossSplit", "images": [{"hash", "filename", "split"}]}]}}. */
  public static ObjectNode duplicates(List<DuplicateGroup> groups) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    ArrayNode array = n.putArray("groups");
    for (DuplicateGroup g : groups) {
      ObjectNode o = array.addObject();
      o.put("kind", g.kind().apiName());
      o.put("crossSplit", g.crossSplit());
      ArrayNode images = o.putArray("images");
      for (DuplicateImage image : g.images()) {
        ObjectNode i = images.addObject();
        i.put("hash", image.hash());
        i.put("filename", image.filename());
        i.put("split", image.split().apiName());
      }
    }
    return n;
  }

  /**
   * {@code GET /embeddings}: the summary of the newest map ({@code null} when there is none) and the
   * state of the embedding task, {@code {"status": "idle"|"running", "progress", "total"}}.
   *
   * @param imageCount the dataset's images now
   * @param running whether an embedding task runs; {@code done} of {@code total} images then
   */
  public static ObjectNode embeddings(DatasetMap map, long imageCount, boolean running, long done, long total) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    if (map == null) {
      n.putNull("umap");
    } else {
      ObjectNode umap = n.putObject("umap");
      umap.put("model", map.model());
      umap.put("pointCount", map.points().size());
      umap.put("imageCount", imageCount);
      umap.put("clusterCount", map.clusters());
      umap.put("seed", map.seed());
      umap.put("createdAt", map.createdAt().toString());
    }
    ObjectNode task = n.putObject("task");
    task.put("status", running ? "running" : "idle");
    task.put("progress", running ? done : 0);
    task.put("total", running ? total : 0);
    return n;
  }

  /**
   * {@code GET /images/clustering}: one page of the map's points with each image's metadata,
   * {@code {"points": [{"hash", "filename", "x", "y", "cluster", "split", "labelCount"}], "total",
   * "offset", "limit", "clusterCount", "createdAt"}}.
   */
  public static ObjectNode clustering(DatasetMap map, int offset, int limit) {
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more, got " + offset + " and " + limit);
    }
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    ArrayNode points = n.putArray("points");
    List<MapPoint> all = map.points();
    for (int i = offset; i < Math.min(all.size(), (long) offset + limit); i++) {
      MapPoint p = all.get(i);
      ObjectNode o = points.addObject();
      o.put("hash", p.hash());
      o.put("filename", p.filename());
      o.put("x", p.x());
      o.put("y", p.y());
      o.put("cluster", p.cluster());
      o.put("split", p.split().apiName());
      o.put("labelCount", p.labelCount());
    }
    n.put("total", all.size());
    n.put("offset", offset);
    n.put("limit", limit);
    n.put("clusterCount", map.clusters());
    n.put("createdAt", map.createdAt().toString());
    return n;
  }
}
