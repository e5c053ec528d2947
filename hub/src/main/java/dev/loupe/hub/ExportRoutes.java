package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.ndjson.NdjsonWriter;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.DatasetVersion;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@code /api/datasets/{id}/export}: GET writes the NDJSON export (the live dataset, or version
 * {@code v}) into the workspace's tmp folder and answers its signed hub URL; every image line
 * carries the image's {@code hash} and a signed {@code url}. POST makes a numbered version, PATCH
 * edits a version's description. Export files older than a signed URL's lifetime are swept.
 */
final class ExportRoutes {
  static final String FOLDER = "hub-exports";

  private final HubServices hub;
  private final DatasetRoutes datasets;
  private final Workspace workspace;
  private final SecureRandom random = new SecureRandom();

  ExportRoutes(HubServices hub, DatasetRoutes datasets) {
    this.hub = hub;
    this.datasets = datasets;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/api/datasets/{id}/export", this::export);
    routes.post("/api/datasets/{id}/export", this::createVersion);
    routes.patch("/api/datasets/{id}/export", this::describeVersion);
  }

  /** Where export files lie. */
  static Path folder(Workspace workspace) {
    return workspace.root().resolve("tmp").resolve(FOLDER);
  }

  private void export(Context ctx) throws IOException {
    Dataset d = datasets.dataset(ctx);
    String v = ctx.queryParam("v");
    ObjectNode n = HubJson.object();
    if (v == null || v.isBlank()) {
      String name = newFile(d);
      new NdjsonWriter(true).write(new LiveExportSource(workspace, d, hash -> hub.imageUrl(ctx, d.id(), hash)),
          folder(workspace).resolve(name), TaskMonitor.NONE);
      n.put("downloadUrl", hub.signedGet(ctx, "/files/exports/" + name));
      n.put("cached", false);
      n.put("version", "latest");
    } else {
      int number = Query.integer(ctx, "v", 1, 1, Integer.MAX_VALUE);
      n.put("downloadUrl", versionUrl(ctx, d, workspace.versions().get(d.id(), number)));
      n.put("cached", false);
      n.put("version", number);
    }
    HubJson.ok(ctx, n);
  }

  private void createVersion(Context ctx) throws IOException {
    Dataset d = datasets.dataset(ctx);
    JsonNode body = hub.json().body(ctx);
    String description = body.isObject() ? HubJson.text(body, "description") : null;
    DatasetVersion version = hub.change(() -> {
      try {
        return workspace.versions().create(d.id(), description == null ? "" : description, TaskMonitor.NONE);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot write the version: " + e.getMessage(), e);
      }
    });
    ObjectNode n = ApiJson.version(version);
    n.put("downloadUrl", versionUrl(ctx, d, version));
    HubJson.send(ctx, 201, n);
  }

  private void describeVersion(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    JsonNode body = hub.json().objectBody(ctx);
    if (!body.path("version").isIntegralNumber()) {
      throw ApiException.badRequest("'version' must be a version number");
    }
    String description = HubJson.text(body, "description");
    hub.change(() -> workspace.versions().describe(d.id(), body.get("version").asInt(),
        description == null ? "" : description));
    HubJson.ok(ctx);
  }

  /** The version's snapshot with a signed URL on every image line, as an export file's signed URL. */
  private String versionUrl(Context ctx, Dataset d, DatasetVersion version) throws IOException {
    String name = newFile(d);
    try (BufferedReader in = Files.newBufferedReader(version.file(), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(folder(workspace).resolve(name), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          JsonNode node = ApiJson.MAPPER.readTree(line);
          if (node.isObject() && "image".equals(node.path("type").asText()) && node.path("hash").isTextual()) {
            ((ObjectNode) node).put("url", hub.imageUrl(ctx, d.id(), node.get("hash").asText()));
            line = ApiJson.MAPPER.writeValueAsString(node);
          }
        }
        out.write(line);
        out.newLine();
      }
    }
    return hub.signedGet(ctx, "/files/exports/" + name);
  }

  /** A fresh export file name (the old files swept first). */
  private String newFile(Dataset d) throws IOException {
    Path dir = Files.createDirectories(folder(workspace));
    Instant horizon = hub.config().clock().instant().minus(hub.config().urlLifetime());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.ndjson")) {
      for (Path f : files) {
        if (Files.getLastModifiedTime(f).toInstant().isBefore(horizon)) {
          Files.deleteIfExists(f);
        }
      }
    }
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return d.id() + "-" + HexFormat.of().formatHex(bytes) + ".ndjson";
  }
}
