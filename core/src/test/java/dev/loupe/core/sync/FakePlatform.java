package dev.loupe.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.RateLimits;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ContentStore;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * A small platform on loopback for sync tests: the dataset, upload, ingest, export, image and label
 * routes a sync uses, over a real workspace of its own. With {@code platformNames} images are named
 * as the Ultralytics Platform names them (32 hex digits that are not the sha-256) and the export
 * carries no hash; without, as a Loupe hub does (the sha-256). Exports imitate real ones: {@code
 * "version": "latest"}, class names as a dict, integer coordinates where whole, and no
 * {@code annotations} key on unlabeled images.
 */
final class FakePlatform implements AutoCloseable {
  static final String KEY = "ul_" + "0123456789abcdef".repeat(2) + "01234567";

  final MockWebServer server = new MockWebServer();
  final Workspace remote;
  final boolean platformNames;
  /** How many times each image (by sha-256) arrived in an ingested archive. */
  final Map<String, Integer> received = new ConcurrentHashMap<>();
  final AtomicInteger puts = new AtomicInteger();
  final AtomicInteger ingests = new AtomicInteger();
  final AtomicInteger labelPuts = new AtomicInteger();
  /** PUTs to storage fail (the connection drops) while this is above zero, counting down. */
  final AtomicInteger dropPuts = new AtomicInteger();
  /** Signed PUTs allowed through before {@link #dropPuts} applies. */
  final AtomicInteger putsBeforeDrop = new AtomicInteger();
  /** Ingests done whose answer is lost (the connection drops after the work), counting down. */
  final AtomicInteger loseIngestAnswers = new AtomicInteger();
  /** Image names whose signed URLs answer 403, even when fresh. */
  final Set<String> expired = ConcurrentHashMap.newKeySet();

  private final Map<String, byte[]> sessions = new ConcurrentHashMap<>();
  private final Map<String, String> sessionDataset = new ConcurrentHashMap<>();
  private final Set<String> completed = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextSession = new AtomicInteger();

  FakePlatform(Path root, boolean platformNames) throws IOException {
    this.remote = Workspace.open(root);
    this.platformNames = platformNames;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          return route(request);
        } catch (RuntimeException | IOException e) {
          return json(500, "{\"error\": \"" + e.getMessage().replace('"', '\'') + "\"}");
        }
      }
    });
    server.start();
  }

  PlatformClient client() {
    return PlatformClient.builder(server.url("/api").toString())
        .apiKey(ApiKey.parse(KEY))
        .rateLimits(unlimited())
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), 2, Duration.ofSeconds(1), () -> 0.5))
        .build();
  }

  static RateLimits unlimited() {
    RateLimits limits = RateLimits.platform();
    for (RateCategory c : RateCategory.values()) {
      limits = limits.with(c, 100_000);
    }
    return limits;
  }

  /** The remote name of an image. */
  String name(String sha) {
    return platformNames ? ContentStore.sha256(("remote:" + sha).getBytes(StandardCharsets.UTF_8)).substring(0, 32) : sha;
  }

  private String sha(String datasetId, String name) {
    if (!platformNames) {
      return name;
    }
    for (ImageRecord r : LocalImages.of(remote, datasetId).values()) {
      if (name(r.hash()).equals(name)) {
        return r.hash();
      }
    }
    return null;
  }

  private MockResponse route(RecordedRequest request) throws IOException {
    HttpUrl url = request.getRequestUrl();
    List<String> p = url.pathSegments();
    String method = request.getMethod();
    if (p.get(0).equals("storage") && method.equals("PUT")) {
      return storagePut(p.get(1), request);
    }
    if (p.get(0).equals("files")) {
      String name = p.get(2).replaceFirst("\\..*$", "");
      if (expired.contains(name)) {
        return json(403, "{\"error\": \"Request has expired\"}");
      }
      String sha = sha(p.get(1), name);
      return sha == null ? json(404, "{\"error\": \"no such image\"}")
          : new MockResponse().setBody(new Buffer().write(Files.readAllBytes(remote.content().path(sha))));
    }
    if (p.get(0).equals("exports")) {
      return new MockResponse().setBody(export(p.get(1)));
    }
    if (!authorized(request)) {
      return json(401, "{\"error\": \"Invalid API key\"}");
    }
    List<String> a = p.subList(1, p.size()); // after /api
    JsonNode body = request.getBodySize() > 0 ? ApiJson.MAPPER.readTree(request.getBody().readUtf8()) : null;
    if (a.get(0).equals("upload")) {
      return upload(a.get(1), body);
    }
    if (a.equals(List.of("datasets", "ingest"))) {
      return ingest(body.get("sessionId").asText());
    }
    if (a.equals(List.of("datasets")) && method.equals("GET")) {
      String slug = url.queryParameter("slug");
      ArrayNode list = ApiJson.MAPPER.createArrayNode();
      for (Dataset d : remote.datasets().list()) {
        if (slug == null || slug.equals(d.slug())) {
          list.add(ApiJson.dataset(d, remote.images().counts(d.id())));
        }
      }
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.set("datasets", list);
      return json(200, n.toString());
    }
    if (a.equals(List.of("datasets")) && method.equals("POST")) {
      List<String> classes = new ArrayList<>();
      body.get("classNames").forEach(c -> classes.add(c.asText()));
      Dataset d = remote.datasets().create(new NewDataset(body.get("slug").asText(), body.get("name").asText(), "",
          Task.parse(body.get("task").asText()), classes, null, null, null, null));
      return json(201, ApiJson.dataset(d, remote.images().counts(d.id())).toString());
    }
    String id = a.get(1);
    if (remote.datasets().find(id).isEmpty()) {
      return json(404, "{\"error\": \"Dataset not found\"}");
    }
    if (a.size() == 2) {
      return json(200, ApiJson.dataset(remote.datasets().require(id), remote.images().counts(id)).toString());
    }
    if (a.get(2).equals("export")) {
      return json(200, "{\"downloadUrl\": \"" + server.url("/exports/" + id + ".ndjson") + "?Expires=1&Signature=x\"}");
    }
    if (a.get(2).equals("images") && a.size() == 3) {
      int offset = Integer.parseInt(url.queryParameter("offset"));
      int limit = Integer.parseInt(url.queryParameter("limit"));
      List<ImageRecord> all = new ArrayList<>(LocalImages.of(remote, id).values());
      ArrayNode list = ApiJson.MAPPER.createArrayNode();
      for (ImageRecord r : all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit))) {
        list.add(ApiJson.image(r).put("hash", name(r.hash())));
      }
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.set("images", list);
      n.put("total", all.size());
      return json(200, n.toString());
    }
    if (a.get(2).equals("images") && a.get(3).equals("urls")) {
      ObjectNode urls = ApiJson.MAPPER.createObjectNode();
      body.get("hashes").forEach(h -> urls.put(h.asText(), imageUrl(id, h.asText())));
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.set("urls", urls);
      return json(200, n.toString());
    }
    if (a.get(2).equals("images") && a.get(3).equals("bulk")) {
      List<String> hashes = new ArrayList<>();
      body.get("hashes").forEach(h -> hashes.add(sha(id, h.asText())));
      int n = method.equals("PATCH")
          ? remote.images().moveToSplit(id, hashes, Split.parse(body.get("split").asText()))
          : remote.images().delete(id, hashes);
      return json(200, "{\"count\": " + n + "}");
    }
    if (a.get(2).equals("images") && a.size() == 5 && a.get(4).equals("labels") && method.equals("PUT")) {
      Dataset d = remote.datasets().require(id);
      labelPuts.incrementAndGet();
      remote.labels().put(id, sha(id, a.get(3)), ApiJson.parseLabels(body, d.task(), 3));
      return json(200, "{\"ok\": true}");
    }
    return json(404, "{\"error\": \"no route " + method + " " + url.encodedPath() + "\"}");
  }

  private boolean authorized(RecordedRequest request) {
    return ("Bearer " + KEY).equals(request.getHeader("Authorization"));
  }

  private MockResponse upload(String step, JsonNode body) {
    if (step.equals("signed-url")) {
      String session = "session_" + nextSession.incrementAndGet();
      sessionDataset.put(session, body.get("assetId").asText());
      return json(200, "{\"sessionId\": \"" + session + "\", \"uploadUrl\": \"" + server.url("/storage/" + session)
          + "?X-Goog-Signature=abc\", \"expiresAt\": \"2030-01-01T00:00:00Z\"}");
    }
    String session = body.get("sessionId").asText();
    byte[] bytes = sessions.get(session);
    if (bytes == null || !ContentStore.sha256(bytes).equals(body.path("checksum").asText())) {
      return json(400, "{\"error\": \"upload incomplete or checksum mismatch\"}");
    }
    completed.add(session);
    return json(200, "{\"ok\": true}");
  }

  private MockResponse storagePut(String session, RecordedRequest request) {
    if (putsBeforeDrop.getAndDecrement() <= 0 && dropPuts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    puts.incrementAndGet();
    sessions.put(session, request.getBody().readByteArray());
    return new MockResponse().setResponseCode(200);
  }

  private synchronized MockResponse ingest(String session) throws IOException {
    if (!completed.contains(session)) {
      return json(404, "{\"error\": \"no completed upload session " + session + "\"}");
    }
    String datasetId = sessionDataset.get(session);
    Set<String> before = new HashSet<>(LocalImages.of(remote, datasetId).keySet());
    Path zip = Files.createTempFile("ingest", ".zip");
    Files.write(zip, sessions.get(session));
    remote.importDataset(zip, ImportOptions.defaults().into(datasetId), TaskMonitor.NONE);
    Files.delete(zip);
    ingests.incrementAndGet();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(sessions.get(session)))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().startsWith("images/")) {
          String sha = ContentStore.sha256(in.readAllBytes());
          if (!before.contains(sha)) {
            received.merge(sha, 1, Integer::sum);
          }
        }
      }
    }
    if (loseIngestAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    return json(200, "{\"jobId\": \"job_" + session + "\", \"datasetId\": \"" + datasetId + "\", \"status\": \"completed\"}");
  }

  private String imageUrl(String datasetId, String name) {
    return server.url("/files/" + datasetId + "/" + name + ".jpg") + "?Expires=1787297130&Signature=x";
  }

  /** The dataset's NDJSON export as the platform writes it (detect only). */
  private Buffer export(String file) {
    String id = file.replace(".ndjson", "");
    Dataset d = remote.datasets().require(id);
    StringBuilder sb = new StringBuilder();
    ObjectNode header = ApiJson.MAPPER.createObjectNode();
    header.put("type", "dataset").put("task", d.task().apiName()).put("name", d.name()).put("description", "");
    ObjectNode names = header.putObject("class_names");
    for (int i = 0; i < d.classNames().size(); i++) {
      names.put(String.valueOf(i), d.classNames().get(i));
    }
    header.put("version", "latest");
    sb.append(header).append('\n');
    for (ImageRecord r : LocalImages.of(remote, id).values()) {
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.put("type", "image").put("file", r.filename()).put("url", imageUrl(id, name(r.hash())));
      if (!platformNames) {
        n.put("hash", r.hash());
      }
      n.put("width", r.width()).put("height", r.height()).put("split", r.split().apiName());
      List<Label> labels = remote.labels().get(id, r.hash());
      if (!labels.isEmpty()) {
        ArrayNode boxes = n.putObject("annotations").putArray("boxes");
        for (Label l : labels) {
          BoxLabel b = (BoxLabel) l;
          ArrayNode row = boxes.addArray().add(b.classId());
          for (double v : new double[] {b.cx(), b.cy(), b.w(), b.h()}) {
            if (v == Math.rint(v)) {
              row.add((int) v);
            } else {
              row.add(Math.round(v * 1e5) / 1e5);
            }
          }
        }
      }
      sb.append(n).append('\n');
    }
    return new Buffer().writeUtf8(sb.toString());
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  /** The remote dataset's images by sha-256 (the fake's own view). */
  Map<String, ImageRecord> images(String datasetId) {
    return new HashMap<>(LocalImages.of(remote, datasetId));
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
    remote.close();
  }
}
