package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.BulkResult;
import dev.loupe.core.platform.remote.ImageLabels;
import dev.loupe.core.platform.remote.ImagePage;
import dev.loupe.core.platform.remote.ImageQuery;
import dev.loupe.core.platform.remote.RemoteLabel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset's images and labels: {@code /api/datasets/{id}/images...}. Images are named by the
 * platform's hash. The reference gives no body for the URL and bulk routes; the client sends
 * {@code {"hashes": [...]}} (with {@code "split"} for a move), as Loupe's own server reads them.
 */
public final class DatasetImagesApi {
  private final PlatformHttp http;

  DatasetImagesApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code GET /api/datasets/{id}/images}. */
  public ImagePage list(String datasetId, ImageQuery q) {
    return Responses.read(http.send(ApiRequest.get("datasets", datasetId, "images")
        .query("split", q.split()).query("offset", q.offset()).query("limit", q.limit()).query("sort", q.sort())
        .query("hasLabel", q.hasLabel()).query("hasError", q.hasError()).query("search", q.search())
        .query("classIds", q.classIds()).query("includeThumbnails", q.includeThumbnails())
        .query("includeImageUrls", q.includeImageUrls())), ImagePage.class);
  }

  /**
   * {@code POST /api/datasets/{id}/images/urls}: signed URLs by image hash (a read, so retried like a
   * GET). Reads {@code {"urls": {hash: url}}} and lists of {@code {hash, url}} under {@code urls} or
   * {@code images}.
   */
  public Map<String, String> imageUrls(String datasetId, List<String> hashes) {
    JsonNode n = http.send(ApiRequest.post("datasets", datasetId, "images", "urls")
        .json(Map.of("hashes", hashes)).readOnly());
    Map<String, String> urls = new LinkedHashMap<>();
    JsonNode list = n.has("urls") ? n.get("urls") : n.path("images");
    if (list.isObject()) {
      list.fields().forEachRemaining(e -> urls.put(e.getKey(), e.getValue().asText()));
    } else if (list.isArray()) {
      for (JsonNode item : list) {
        String url = item.hasNonNull("url") ? item.get("url").asText() : item.path("imageUrl").asText(null);
        if (item.hasNonNull("hash") && url != null) {
          urls.put(item.get("hash").asText(), url);
        }
      }
    }
    return urls;
  }

  /** {@code DELETE /api/datasets/{id}/images/{hash}}. */
  public void delete(String datasetId, String hash) {
    http.send(ApiRequest.delete("datasets", datasetId, "images", hash));
  }

  /** {@code GET /api/datasets/{id}/images/{hash}/labels}. */
  public ImageLabels labels(String datasetId, String hash) {
    return Responses.read(http.send(ApiRequest.get("datasets", datasetId, "images", hash, "labels")), ImageLabels.class);
  }

  /** {@code PUT /api/datasets/{id}/images/{hash}/labels}: replaces the image's labels. */
  public void putLabels(String datasetId, String hash, List<RemoteLabel> labels) {
    http.send(ApiRequest.put("datasets", datasetId, "images", hash, "labels").json(Map.of("labels", labels)));
  }

  /** {@code PATCH /api/datasets/{id}/images/bulk}: moves images to {@code split} (train, val or test). */
  public BulkResult move(String datasetId, List<String> hashes, String split) {
    JsonNode n = http.send(ApiRequest.patch("datasets", datasetId, "images", "bulk")
        .json(Map.of("hashes", hashes, "split", split)));
    return n.isObject() ? Responses.read(n, BulkResult.class) : new BulkResult(null, null, null, null);
  }

  /** {@code DELETE /api/datasets/{id}/images/bulk}. */
  public BulkResult delete(String datasetId, List<String> hashes) {
    JsonNode n = http.send(ApiRequest.delete("datasets", datasetId, "images", "bulk").json(Map.of("hashes", hashes)));
    return n.isObject() ? Responses.read(n, BulkResult.class) : new BulkResult(null, null, null, null);
  }
}
