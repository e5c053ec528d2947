package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Split;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.io.ImageInfo;
import dev.loupe.core.io.ImageProbe;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * The two-step upload: {@code POST /api/upload/signed-url} opens a session and answers a signed hub
 * URL to PUT the bytes to ({@link FileRoutes}); {@code POST /api/upload/complete} checks the size and
 * the sha-256 the client sends and then files the upload by its asset type: {@code images} become an
 * image of dataset {@code assetId}, {@code models} a model (in project {@code assetId} when there is
 * one), {@code datasets} wait for {@code POST /api/datasets/ingest}.
 */
final class UploadRoutes {
  static final Set<String> ASSET_TYPES = Set.of("images", "datasets", "models", "videos");
  /** Images are read whole to be stored: the largest one taken. */
  static final long MAX_IMAGE_BYTES = 100L << 20;

  private final HubServices hub;
  private final UploadSessions sessions;
  private final Workspace workspace;

  UploadRoutes(HubServices hub, UploadSessions sessions) {
    this.hub = hub;
    this.sessions = sessions;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.post("/api/upload/signed-url", this::signedUrl);
    routes.post("/api/upload/complete", this::complete);
  }

  private void signedUrl(Context ctx) throws IOException {
    JsonNode body = hub.json().objectBody(ctx);
    String type = HubJson.requiredText(body, "assetType");
    if (!ASSET_TYPES.contains(type)) {
      throw ApiException.badRequest("assetType must be one of models, datasets, images, videos");
    }
    if (type.equals("videos")) {
      throw ApiException.badRequest("the hub keeps no videos: upload images, datasets or models");
    }
    String assetId = PathIds.id(HubJson.requiredText(body, "assetId"), "assetId");
    String filename = HubJson.requiredText(body, "filename");
    if (filename.length() > 255 || filename.contains("/") || filename.contains("\\") || filename.contains("..")) {
      throw ApiException.badRequest("filename must be a plain file name");
    }
    if (!body.path("totalBytes").canConvertToLong() || body.get("totalBytes").asLong() < 0) {
      throw ApiException.badRequest("'totalBytes' must be the file's size in bytes");
    }
    long total = body.get("totalBytes").asLong();
    long max = type.equals("images") ? Math.min(MAX_IMAGE_BYTES, hub.config().maxUploadBytes()) : hub.config().maxUploadBytes();
    if (total > max) {
      throw ApiException.tooLarge(filename + " is " + total + " bytes; the hub takes " + type + " up to " + max + " bytes");
    }
    String split = HubJson.text(body, "split");
    if (split != null) {
      split = Split.parse(split).apiName();
    }
    if (type.equals("images")) {
      workspace.datasets().find(assetId).orElseThrow(() -> ApiException.notFound("Dataset not found"));
    }
    UploadSession s = sessions.start(type, assetId, filename, total, split, hub.urls().expiry());
    ObjectNode n = HubJson.object();
    n.put("sessionId", s.id);
    n.put("uploadUrl", hub.urls().sign(HubServices.base(ctx), "PUT", "/files/uploads/" + s.id));
    n.put("gcsPath", "hub://" + type + "/" + assetId + "/" + filename);
    n.put("expiresAt", s.expiresAt.toString());
    HubJson.ok(ctx, n);
  }

  private void complete(Context ctx) throws IOException {
    JsonNode body = hub.json().objectBody(ctx);
    String id = HubJson.requiredText(body, "sessionId");
    UploadSession s = sessions.find(id).orElseThrow(() -> ApiException.notFound("Upload session not found or expired"));
    ObjectNode answer = hub.change(() -> {
      if (s.state() == UploadSession.State.COMPLETED) {
        return s.result();
      }
      if (s.state() == UploadSession.State.INGESTED) {
        throw ApiException.badRequest("this upload was ingested already");
      }
      if (s.state() != UploadSession.State.UPLOADED) {
        throw ApiException.badRequest("nothing was uploaded to this session yet: PUT the file to its uploadUrl");
      }
      if (s.received() != s.totalBytes) {
        throw ApiException.badRequest("the upload has " + s.received() + " bytes, not the " + s.totalBytes + " announced");
      }
      String checksum = HubJson.text(body, "checksum");
      if (checksum != null && !checksum.equalsIgnoreCase(s.sha256())) {
        throw ApiException.badRequest("checksum mismatch: the uploaded bytes have another sha-256");
      }
      ObjectNode n = HubJson.object();
      n.put("sessionId", s.id);
      n.put("status", "completed");
      n.put("checksum", s.sha256());
      try {
        switch (s.assetType) {
          case "images" -> fileImage(s, n);
          case "models" -> fileModel(s, n);
          default -> n.put("assetId", s.assetId);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot store the upload: " + e.getMessage(), e);
      }
      s.completed(n);
      return n;
    });
    HubJson.ok(ctx, answer);
  }

  private void fileImage(UploadSession s, ObjectNode n) throws IOException {
    Dataset d = workspace.datasets().find(s.assetId).orElseThrow(() -> ApiException.notFound("Dataset not found"));
    byte[] bytes = Files.readAllBytes(s.file);
    ImageInfo info = new ImageProbe().probe(bytes, s.filename);
    if (!info.isValid()) {
      throw ApiException.badRequest(s.filename + " is not an image Loupe reads: " + info.error());
    }
    String hash = workspace.content().put(bytes);
    Split split = s.split == null ? Split.TRAIN : Split.parse(s.split);
    int added = workspace.images().add(d.id(), List.of(
        new NewImage(hash, s.filename, info.width(), info.height(), bytes.length, split, List.of(), null, null, null)));
    sessions.release(s);
    n.put("datasetId", d.id());
    n.put("hash", s.sha256());
    n.put("added", added == 1);
  }

  private void fileModel(UploadSession s, ObjectNode n) throws IOException {
    Project project = workspace.projects().find(s.assetId).orElse(null);
    NewModel spec = NewModel.defaults().named(s.filename.replaceFirst("\\.[^.]+$", ""));
    if (project != null) {
      spec = spec.inProject(project.id());
    }
    ModelRecord m = workspace.models().importFile(s.file, spec, file -> {
      try {
        return ModelLoader.inspect(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the model: " + e.getMessage(), e);
      }
    });
    sessions.release(s);
    n.set("model", ModelJson.model(m, project));
    n.put("modelId", m.id());
  }
}
