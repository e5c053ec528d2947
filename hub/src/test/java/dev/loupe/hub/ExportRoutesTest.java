package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.remote.DatasetExport;
import dev.loupe.core.platform.remote.DatasetVersionCreated;
import dev.loupe.core.platform.remote.IngestJob;
import dev.loupe.core.platform.remote.IngestRequest;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRoutesTest {
  @TempDir Path dir;
  HubFixture hub;

  @BeforeEach
  void start() {
    hub = new HubFixture(dir);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private RemoteDataset ingested(int images) throws Exception {
    RemoteDataset d = hub.client.datasets().create(new NewDataset(null, "Pets", "detect", null, null, List.of("cat", "dog")));
    UploadResult up = hub.client.uploads().upload("datasets", d.id(), HubFixture.yoloZip(dir.resolve("p.zip"), images, 7),
        "application/zip");
    IngestJob job = hub.client.datasets().ingest(IngestRequest.ofUpload(up.sessionId()).intoSplit("val"));
    assertThat(job.status()).isEqualTo("completed");
    assertThat(job.datasetId()).isEqualTo(d.id());
    return d;
  }

  private List<JsonNode> lines(String url, String name) throws Exception {
    Path file = hub.client.transfers().download(url, dir.resolve(name)).file();
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(ApiJson.MAPPER.readTree(line));
      }
    }
    return out;
  }

  @Test
  void ingestAddsTheArchiveIntoTheTargetSplit() throws Exception {
    RemoteDataset d = ingested(4);
    RemoteDataset after = hub.client.datasets().get(d.id());
    assertThat(after.imageCount()).isEqualTo(4);
    assertThat(after.labelCount()).isEqualTo(4);
    assertThat(after.splits()).containsEntry("val", 4L).containsEntry("train", 0L);
  }

  @Test
  void theLiveExportIsNdjsonWhoseImageUrlsTheHubServes() throws Exception {
    RemoteDataset d = ingested(3);
    DatasetExport export = hub.client.datasets().export(d.id(), null);
    assertThat(export.version()).isEqualTo("latest");
    List<JsonNode> lines = lines(export.downloadUrl(), "live.ndjson");
    assertThat(lines.get(0).path("type").asText()).isEqualTo("dataset");
    List<JsonNode> images = lines.subList(1, lines.size());
    assertThat(images).hasSize(3);
    for (JsonNode image : images) {
      String hash = image.get("hash").asText();
      assertThat(hub.client.transfers().download(image.get("url").asText(), dir.resolve(hash)).sha256()).isEqualTo(hash);
      assertThat(image.path("annotations").path("boxes")).hasSize(1);
    }
  }

  @Test
  void aNewVersionIsNumberedAndExportedByNumber() throws Exception {
    RemoteDataset d = ingested(2);
    DatasetVersionCreated v1 = hub.client.datasets().createVersion(d.id(), "first");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(lines(v1.downloadUrl(), "v1.ndjson")).hasSize(3);
    hub.client.datasets().describeVersion(d.id(), 1, "renamed");
    DatasetExport byNumber = hub.client.datasets().export(d.id(), 1);
    assertThat(byNumber.version()).isEqualTo("1");
    List<JsonNode> lines = lines(byNumber.downloadUrl(), "v1b.ndjson");
    assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.get("url").asText()).contains("/files/"));
  }
}
