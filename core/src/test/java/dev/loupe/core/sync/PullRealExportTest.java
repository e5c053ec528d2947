package dev.loupe.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.Fixtures;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.SyncEntry;
import dev.loupe.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull of real Ultralytics Platform exports (shared/fixtures/real-world/ndjson-platform-lettuce):
 * {@code "version": "latest"} and {@code 1}, class names as a dict, integer coordinates, image
 * records without annotations, signed URLs that have expired. The images themselves are made up.
 */
class PullRealExportTest {
  @TempDir Path dir;
  final MockWebServer server = new MockWebServer();
  /** Names whose every URL answers 403. */
  final Set<String> expired = ConcurrentHashMap.newKeySet();
  /** Names whose export URL answers 403 but whose fresh URL works. */
  final Set<String> stale = ConcurrentHashMap.newKeySet();
  Workspace local;
  PlatformClient client;
  String export;

  void start(String fixture) throws Exception {
    export = Files.readString(Fixtures.require(fixture), StandardCharsets.UTF_8);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        return route(r);
      }
    });
    server.start();
    local = Workspace.open(dir.resolve("local"));
    client = PlatformClient.builder(server.url("/api").toString()).apiKey(ApiKey.parse(FakePlatform.KEY))
        .rateLimits(FakePlatform.unlimited())
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), 2, Duration.ofSeconds(1), () -> 0.5))
        .build();
  }

  @AfterEach
  void close() throws Exception {
    if (client != null) {
      client.close();
      local.close();
    }
    server.shutdown();
  }

  MockResponse route(RecordedRequest r) {
    String path = r.getRequestUrl().encodedPath();
    if (path.equals("/api/datasets/ds_lettuce")) {
      return json("{\"_id\": \"ds_lettuce\", \"slug\": \"lettuce\", \"name\": \"lettuce growth\"}");
    }
    if (path.equals("/api/datasets/lettuce")) {
      return new MockResponse().setResponseCode(404).setBody("{\"error\": \"Dataset not found\"}");
    }
    if (path.equals("/api/datasets")) {
      return json("{\"datasets\": [{\"_id\": \"ds_lettuce\", \"slug\": \"lettuce\", \"name\": \"lettuce growth\"}]}");
    }
    if (path.equals("/api/datasets/ds_lettuce/export")) {
      return json("{\"downloadUrl\": \"" + server.url("/exports/lettuce.ndjson") + "?Expires=1\", \"cached\": true}");
    }
    if (path.equals("/exports/lettuce.ndjson")) {
      return new MockResponse().setBody(export.replace("https://cdn.ul.run/ap/i/", server.url("/cdn/").toString()));
    }
    if (path.equals("/api/datasets/ds_lettuce/images/urls")) {
      try {
        JsonNode body = ApiJson.MAPPER.readTree(r.getBody().readUtf8());
        StringBuilder sb = new StringBuilder("{\"urls\": {");
        body.get("hashes").forEach(h -> sb.append(sb.length() > 10 ? "," : "").append('"').append(h.asText())
            .append("\": \"").append(server.url("/cdn/" + h.asText() + ".jpg")).append("?fresh=1\""));
        return json(sb.append("}}").toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    if (path.startsWith("/cdn/")) {
      String name = path.substring(5).replaceFirst("\\..*$", "");
      boolean fresh = r.getRequestUrl().queryParameter("fresh") != null;
      if (expired.contains(name) || (stale.contains(name) && !fresh)) {
        return new MockResponse().setResponseCode(403).setBody("<Error><Code>ExpiredToken</Code></Error>");
      }
      return new MockResponse().setBody(new Buffer().write(SyncTestData.jpeg(name.hashCode())));
    }
    return new MockResponse().setResponseCode(404).setBody("{\"error\": \"no route " + path + "\"}");
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  /** The image records of the export and the distinct boxes they hold (a repeated row is dropped, as Ultralytics does). */
  long[] recordsAndBoxes() throws Exception {
    long records = 0;
    long boxes = 0;
    for (String line : export.split("\n")) {
      JsonNode n = ApiJson.MAPPER.readTree(line);
      if ("image".equals(n.path("type").asText())) {
        records++;
        Set<String> distinct = new java.util.HashSet<>();
        n.path("annotations").path("boxes").forEach(b -> distinct.add(b.toString()));
        boxes += distinct.size();
      }
    }
    return new long[] {records, boxes};
  }

  PlatformSync sync() {
    return new PlatformSync(local, client, SyncOptions.defaults());
  }

  @Test
  void theLatestExportIsPulledAndExpiredImagesAreNamedThenFetchedByTheNextPull() throws Exception {
    start("real-world/ndjson-platform-lettuce/version-latest/dataset.ndjson");
    expired.add("024bac48cd82430726b5b7240497f504");
    expired.add("09b7dbb20ddc5d67a53bc11ce6703ebf");
    stale.add("0ba6f1bd5dfd8239bae648f9a9c8cc2e");

    PullResult first = sync().pull("ds_lettuce", "lettuce", TaskMonitor.NONE);

    assertThat(first.imported()).isEqualTo(298);
    assertThat(first.failed()).hasSize(2).anySatisfy(f -> assertThat(f)
        .contains("midlettuce_29_png.rf.Y2SDTpsZnt3aCr9PcywV.jpg").contains("024bac48cd82430726b5b7240497f504")
        .contains("expired"));
    assertThat(first.report().count(ImportProblem.MISSING_IMAGE)).isEqualTo(2);
    assertThat(first.dataset().name()).isEqualTo("lettuce");
    assertThat(first.dataset().classNames()).containsExactly("Harvest Stage", "Seedling Stage", "Vegetative Stage");
    assertThat(local.images().counts(first.dataset().id()).labels()).isEqualTo(298);
    assertThat(local.sync().link(first.dataset().id())).get().satisfies(l -> assertThat(l.remoteId()).isEqualTo("ds_lettuce"));
    Map<String, SyncEntry> entries = local.sync().entries(first.dataset().id());
    assertThat(entries).hasSize(298);
    assertThat(entries.values()).extracting(SyncEntry::remoteName).allMatch(n -> n.matches("[0-9a-f]{32}"));

    expired.clear();
    PullResult second = sync().pull("lettuce", null, TaskMonitor.NONE);

    assertThat(second.dataset().id()).isEqualTo(first.dataset().id());
    assertThat(second.imported()).isEqualTo(2);
    assertThat(second.failed()).isEmpty();
    Map<String, ImageRecord> images = LocalImages.of(local, first.dataset().id());
    assertThat(images).hasSize(300);
    assertThat(local.images().splitCounts(first.dataset().id())).extracting(s -> s.images()).containsExactly(210L, 60L, 30L);
    assertThat(sync().pull("ul://pinont/datasets/lettuce", null, TaskMonitor.NONE).imported()).isZero();
  }

  @Test
  void recordsWithoutAnnotationsAndIntegerCoordinatesOfAVersionOneExportArePulled() throws Exception {
    start("real-world/ndjson-platform-lettuce/version-1-excerpt/dataset.excerpt.ndjson");
    long[] expected = recordsAndBoxes();

    PullResult r = sync().pull("ds_lettuce", null, TaskMonitor.NONE);

    assertThat(r.failed()).isEmpty();
    assertThat(r.imported()).isEqualTo(expected[0]);
    assertThat(r.report().importedLabels()).isEqualTo(expected[1]);
    assertThat(r.report().counts()).containsOnlyKeys(ImportProblem.DUPLICATE_ROW);
    assertThat(r.dataset().name()).isEqualTo("lettuce growth");
    assertThat(r.dataset().classNames()).containsExactly("Damaged", "Harvest", "Vegetative");
    List<ImageRecord> unlabeled = LocalImages.of(local, r.dataset().id()).values().stream()
        .filter(i -> i.labelCount() == 0).toList();
    assertThat(unlabeled).extracting(ImageRecord::filename).contains("IMG20250630100446_jpg.rf.s8zumEDnNaq6wdtwpR8P.jpg");
  }
}
