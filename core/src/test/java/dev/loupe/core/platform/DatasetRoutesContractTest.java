package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.DatasetList;
import dev.loupe.core.platform.remote.DatasetPatch;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.ImageLabels;
import dev.loupe.core.platform.remote.ImagePage;
import dev.loupe.core.platform.remote.ImageQuery;
import dev.loupe.core.platform.remote.IngestRequest;
import dev.loupe.core.platform.remote.ModelList;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.RemoteLabel;
import dev.loupe.core.stats.ClassStats;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dataset routes against the reference's examples: requests as recorded, responses as parsed. */
class DatasetRoutesContractTest {
  static final String LIST = """
      {"datasets": [{"_id": "dataset_abc123", "name": "my-dataset", "slug": "my-dataset", "task": "detect",
        "imageCount": 1000, "classCount": 10, "classNames": ["person", "car"], "visibility": "private",
        "username": "johndoe", "starCount": 3, "isStarred": false,
        "sampleImages": [{"url": "https://storage.example.com/...", "width": 1920, "height": 1080,
          "labels": [{"classId": 0, "bbox": [0.5, 0.4, 0.3, 0.6]}]}],
        "createdAt": "2024-01-15T10:00:00Z", "updatedAt": "2024-01-16T08:30:00Z", "somethingNew": {"x": 1}}],
       "total": 1, "region": "us"}""";

  final MockPlatform platform = new MockPlatform();

  @AfterEach
  void close() throws Exception {
    platform.close();
  }

  static JsonNode body(RecordedRequest r) throws Exception {
    return PlatformJson.MAPPER.readTree(r.getBody().readUtf8());
  }

  @Test
  void listSendsTheQueryAndTheKeyAndReadsTheExample() throws Exception {
    platform.ok(LIST);
    DatasetList list = platform.client.datasets().list(DatasetQuery.all().withLimit(10).withOwner("team"));
    RecordedRequest r = platform.next();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/api/datasets?limit=10&owner=team");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + MockPlatform.KEY);
    assertThat(list.total()).isEqualTo(1);
    assertThat(list.region()).isEqualTo("us");
    RemoteDataset d = list.datasets().get(0);
    assertThat(d.id()).isEqualTo("dataset_abc123");
    assertThat(d.classNames()).containsExactly("person", "car");
    assertThat(d.imageCount()).isEqualTo(1000);
    assertThat(d.sampleImages().get(0).labels().get(0).bbox()).containsExactly(0.5, 0.4, 0.3, 0.6);
  }

  @Test
  void getEncodesTheIdAsOneSegmentAndReadsAWrappedOrBareDataset() {
    platform.ok("{\"_id\": \"a/b\", \"slug\": \"s\"}").ok("{\"dataset\": {\"_id\": \"x\", \"slug\": \"t\"}}");
    assertThat(platform.client.datasets().get("a/b").slug()).isEqualTo("s");
    assertThat(platform.next().getPath()).isEqualTo("/api/datasets/a%2Fb");
    assertThat(platform.client.datasets().get("x").slug()).isEqualTo("t");
  }

  @Test
  void createPostsTheReferenceBody() throws Exception {
    platform.json(201, "{\"_id\": \"dataset_new\", \"slug\": \"my-dataset\"}");
    RemoteDataset d = platform.client.datasets().create(new NewDataset(
        "my-dataset", "My Dataset", "detect", "A custom detection dataset", "private", List.of("person", "car")));
    RecordedRequest r = platform.next();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/api/datasets");
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(body(r)).isEqualTo(PlatformJson.MAPPER.readTree("""
        {"slug": "my-dataset", "name": "My Dataset", "task": "detect", "description": "A custom detection dataset",
         "visibility": "private", "classNames": ["person", "car"]}"""));
    assertThat(d.id()).isEqualTo("dataset_new");
  }

  @Test
  void patchSendsOnlyTheGivenFields() throws Exception {
    platform.ok("{\"_id\": \"d1\", \"name\": \"Updated Name\"}");
    RemoteDataset d = platform.client.datasets().update("d1", new DatasetPatch("Updated Name", null, "public"));
    RecordedRequest r = platform.next();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(body(r)).isEqualTo(PlatformJson.MAPPER.readTree("{\"name\": \"Updated Name\", \"visibility\": \"public\"}"));
    assertThat(d.name()).isEqualTo("Updated Name");
  }

  @Test
  void deleteAndExportsAndVersions() throws Exception {
    platform.ok("{\"ok\": true}")
        .ok("{\"downloadUrl\": \"https://storage.example.com/export.ndjson?signed=...\", \"cached\": true}")
        .ok("{\"version\": 3, \"downloadUrl\": \"https://storage.example.com/v3.ndjson?signed=...\"}")
        .ok("{\"ok\": true}");
    platform.client.datasets().delete("d1");
    assertThat(platform.next().getMethod()).isEqualTo("DELETE");

    var export = platform.client.datasets().export("d1", 2);
    assertThat(platform.next().getPath()).isEqualTo("/api/datasets/d1/export?v=2");
    assertThat(export.cached()).isTrue();
    assertThat(export.downloadUrl()).startsWith("https://storage.example.com/export.ndjson");

    var version = platform.client.datasets().createVersion("d1", "Added 500 training images");
    RecordedRequest post = platform.next();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(body(post).get("description").asText()).isEqualTo("Added 500 training images");
    assertThat(version.version()).isEqualTo(3);

    platform.client.datasets().describeVersion("d1", 2, "Fixed mislabeled classes");
    RecordedRequest patch = platform.next();
    assertThat(patch.getMethod()).isEqualTo("PATCH");
    assertThat(body(patch)).isEqualTo(PlatformJson.MAPPER.readTree("{\"version\": 2, \"description\": \"Fixed mislabeled classes\"}"));
  }

  @Test
  void classStatsReadTheExample() {
    platform.ok("""
        {"classes": [{"classId": 0, "count": 1500, "imageCount": 450}],
         "imageStats": {"widthHistogram": [{"bin": 640, "count": 120}], "heightHistogram": [{"bin": 480, "count": 95}],
           "pointsHistogram": [{"bin": 4, "count": 200}]},
         "locationHeatmap": {"bins": [[5, 10], [8, 3]], "maxCount": 50},
         "dimensionHeatmap": {"bins": [[2, 5], [3, 1]], "maxCount": 12, "minWidth": 10, "maxWidth": 1920,
           "minHeight": 10, "maxHeight": 1080},
         "classNames": ["person", "car", "dog"], "cached": true, "sampled": false, "sampleSize": 1000}""");
    ClassStats stats = platform.client.datasets().classStats("d1");
    assertThat(platform.next().getPath()).isEqualTo("/api/datasets/d1/class-stats");
    assertThat(stats.classes().get(0).count()).isEqualTo(1500);
    assertThat(stats.locationHeatmap().bins()[1][0]).isEqualTo(8);
    assertThat(stats.dimensionHeatmap().maxWidth()).isEqualTo(1920);
    assertThat(stats.cached()).isTrue();
    assertThat(stats.sampleSize()).isEqualTo(1000);
  }

  @Test
  void modelsTrainedOnADatasetReadTheExample() {
    platform.ok("""
        {"models": [{"_id": "model_abc123", "name": "experiment-1", "slug": "experiment-1", "status": "completed",
          "task": "detect", "epochs": 100, "bestEpoch": 87, "projectId": "project_xyz", "projectSlug": "my-project",
          "projectIconColor": "#3b82f6", "username": "johndoe", "startedAt": "2024-01-14T22:00:00Z",
          "metrics": {"mAP50": 0.85, "mAP50-95": 0.72, "precision": 0.88, "recall": 0.81}}], "count": 1}""");
    ModelList models = platform.client.datasets().models("d1");
    assertThat(platform.next().getPath()).isEqualTo("/api/datasets/d1/models");
    assertThat(models.count()).isEqualTo(1);
    assertThat(models.models().get(0).metrics()).containsEntry("mAP50-95", 0.72).containsEntry("recall", 0.81);
    assertThat(models.models().get(0).bestEpoch()).isEqualTo(87);
  }

  @Test
  void ingestTakesExactlyOneSource() throws Exception {
    platform.ok("{\"jobId\": \"job_1\", \"status\": \"queued\"}");
    var job = platform.client.datasets().ingest(IngestRequest.ofUpload("session_abc123").intoSplit("train"));
    RecordedRequest r = platform.next();
    assertThat(r.getPath()).isEqualTo("/api/datasets/ingest");
    assertThat(body(r)).isEqualTo(PlatformJson.MAPPER.readTree("{\"sessionId\": \"session_abc123\", \"targetSplit\": \"train\"}"));
    assertThat(job.jobId()).isEqualTo("job_1");
    assertThatThrownBy(() -> new IngestRequest("s", "https://x/a.zip", null)).hasMessageContaining("exactly one");
  }

  @Test
  void imagesListSendsEveryFilter() {
    platform.ok("""
        {"images": [{"hash": "0123456789abcdef0123456789abcdef", "filename": "a.jpg", "width": 640, "height": 480,
          "split": "train", "labelCount": 2, "imageUrl": "https://storage.example.com/full?sig", "extra": 1}],
         "total": 1, "offset": 0, "limit": 50}""");
    ImagePage page = platform.client.images().list("d1",
        ImageQuery.page(100, 500).withSplit("val").withSort("name-asc").withHasLabel(true).withSearch("a b")
            .withClassIds("0,2").forDownload());
    RecordedRequest r = platform.next();
    assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/api/datasets/d1/images");
    assertThat(r.getRequestUrl().queryParameter("split")).isEqualTo("val");
    assertThat(r.getRequestUrl().queryParameter("offset")).isEqualTo("100");
    assertThat(r.getRequestUrl().queryParameter("limit")).isEqualTo("500");
    assertThat(r.getRequestUrl().queryParameter("sort")).isEqualTo("name-asc");
    assertThat(r.getRequestUrl().queryParameter("hasLabel")).isEqualTo("true");
    assertThat(r.getRequestUrl().queryParameter("search")).isEqualTo("a b");
    assertThat(r.getRequestUrl().queryParameter("classIds")).isEqualTo("0,2");
    assertThat(r.getRequestUrl().queryParameter("includeThumbnails")).isEqualTo("false");
    assertThat(r.getRequestUrl().queryParameter("includeImageUrls")).isEqualTo("true");
    assertThat(r.getRequestUrl().queryParameter("hasError")).isNull();
    assertThat(page.images().get(0).fullImageUrl()).isEqualTo("https://storage.example.com/full?sig");
    assertThat(page.total()).isEqualTo(1);
  }

  @Test
  void labelsGetAndPutInTheReferenceShape() throws Exception {
    platform.ok("{\"labels\": [{\"classId\": 0, \"bbox\": [0.5, 0.5, 0.2, 0.3]}], \"classNames\": [\"person\"]}")
        .ok("{\"ok\": true}");
    ImageLabels labels = platform.client.images().labels("d1", "h1");
    assertThat(platform.next().getPath()).isEqualTo("/api/datasets/d1/images/h1/labels");
    assertThat(labels.labels().get(0).bbox()).containsExactly(0.5, 0.5, 0.2, 0.3);
    assertThat(labels.classNames()).containsExactly("person");

    platform.client.images().putLabels("d1", "h1", List.of(
        RemoteLabel.box(0, 0.5, 0.5, 0.2, 0.3), RemoteLabel.polygon(1, List.of(0.1, 0.2, 0.3, 0.2, 0.2, 0.4))));
    RecordedRequest put = platform.next();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(body(put)).isEqualTo(PlatformJson.MAPPER.readTree("""
        {"labels": [{"classId": 0, "bbox": [0.5, 0.5, 0.2, 0.3]},
                    {"classId": 1, "segments": [0.1, 0.2, 0.3, 0.2, 0.2, 0.4]}]}"""));
  }

  @Test
  void imageUrlsDeleteAndBulkRoutes() throws Exception {
    platform.ok("{\"urls\": {\"h1\": \"https://s/1\", \"h2\": \"https://s/2\"}}")
        .ok("")
        .ok("{\"moved\": 2}")
        .ok("{\"deleted\": 1}");
    assertThat(platform.client.images().imageUrls("d1", List.of("h1", "h2")))
        .containsEntry("h1", "https://s/1").containsEntry("h2", "https://s/2");
    RecordedRequest urls = platform.next();
    assertThat(urls.getPath()).isEqualTo("/api/datasets/d1/images/urls");
    assertThat(body(urls).get("hashes")).hasSize(2);

    platform.client.images().delete("d1", "h1");
    RecordedRequest del = platform.next();
    assertThat(del.getMethod()).isEqualTo("DELETE");
    assertThat(del.getPath()).isEqualTo("/api/datasets/d1/images/h1");

    assertThat(platform.client.images().move("d1", List.of("h1", "h2"), "val").affected()).isEqualTo(2);
    RecordedRequest move = platform.next();
    assertThat(move.getMethod()).isEqualTo("PATCH");
    assertThat(move.getPath()).isEqualTo("/api/datasets/d1/images/bulk");
    assertThat(body(move).get("split").asText()).isEqualTo("val");

    assertThat(platform.client.images().delete("d1", List.of("h1")).affected()).isEqualTo(1);
    RecordedRequest bulkDelete = platform.next();
    assertThat(bulkDelete.getMethod()).isEqualTo("DELETE");
    assertThat(body(bulkDelete).get("hashes").get(0).asText()).isEqualTo("h1");
  }
}
