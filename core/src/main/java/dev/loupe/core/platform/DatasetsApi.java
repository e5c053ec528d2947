package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.DatasetExport;
import dev.loupe.core.platform.remote.DatasetList;
import dev.loupe.core.platform.remote.DatasetPatch;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.DatasetVersionCreated;
import dev.loupe.core.platform.remote.IngestJob;
import dev.loupe.core.platform.remote.IngestRequest;
import dev.loupe.core.platform.remote.ModelList;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.stats.ClassStats;
import java.util.Map;

/** The dataset routes: {@code /api/datasets...} (images and labels in {@link DatasetImagesApi}). */
public final class DatasetsApi {
  private final PlatformHttp http;

  DatasetsApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code GET /api/datasets}. */
  public DatasetList list(DatasetQuery q) {
    return Responses.read(http.send(ApiRequest.get("datasets")
        .query("username", q.username()).query("slug", q.slug()).query("limit", q.limit()).query("owner", q.owner())),
        DatasetList.class);
  }

  /** {@code GET /api/datasets/{id}}. */
  public RemoteDataset get(String datasetId) {
    return Responses.read(http.send(ApiRequest.get("datasets", datasetId)), RemoteDataset.class, "dataset");
  }

  /** {@code POST /api/datasets}; sent once (a retry could make two). */
  public RemoteDataset create(NewDataset body) {
    return Responses.read(http.send(ApiRequest.post("datasets").json(body)), RemoteDataset.class, "dataset");
  }

  /** {@code PATCH /api/datasets/{id}}. */
  public RemoteDataset update(String datasetId, DatasetPatch patch) {
    JsonNode n = http.send(ApiRequest.patch("datasets", datasetId).json(patch));
    return n.isMissingNode() || n.path("ok").isBoolean() ? get(datasetId) : Responses.read(n, RemoteDataset.class, "dataset");
  }

  /** {@code DELETE /api/datasets/{id}}: to the trash, restorable for 30 days. */
  public void delete(String datasetId) {
    http.send(ApiRequest.delete("datasets", datasetId));
  }

  /** {@code GET /api/datasets/{id}/export[?v=N]}: the NDJSON export's signed URL (latest when version is null). */
  public DatasetExport export(String datasetId, Integer version) {
    return Responses.read(http.send(ApiRequest.get("datasets", datasetId, "export")
        .query("v", version).category(RateCategory.EXPORT)), DatasetExport.class);
  }

  /** {@code POST /api/datasets/{id}/export}: a new numbered version (owner only). */
  public DatasetVersionCreated createVersion(String datasetId, String description) {
    return Responses.read(http.send(ApiRequest.post("datasets", datasetId, "export")
        .json(description == null ? Map.of() : Map.of("description", description))
        .category(RateCategory.EXPORT)), DatasetVersionCreated.class);
  }

  /** {@code PATCH /api/datasets/{id}/export}: a version's description. */
  public void describeVersion(String datasetId, int version, String description) {
    http.send(ApiRequest.patch("datasets", datasetId, "export")
        .json(Map.of("version", version, "description", description)));
  }

  /** {@code GET /api/datasets/{id}/class-stats}, read into the same record Loupe serves it from. */
  public ClassStats classStats(String datasetId) {
    return Responses.read(http.send(ApiRequest.get("datasets", datasetId, "class-stats")), ClassStats.class);
  }

  /** {@code GET /api/datasets/{id}/models}: the models trained on the dataset. */
  public ModelList models(String datasetId) {
    return Responses.read(http.send(ApiRequest.get("datasets", datasetId, "models")), ModelList.class);
  }

  /** {@code POST /api/datasets/ingest}: process an uploaded or remote archive (upload budget). */
  public IngestJob ingest(IngestRequest body) {
    return Responses.read(http.send(ApiRequest.post("datasets", "ingest").json(body)
        .category(RateCategory.UPLOAD)), IngestJob.class);
  }
}
