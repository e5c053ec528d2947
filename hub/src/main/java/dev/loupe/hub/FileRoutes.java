package dev.loupe.hub;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The hub's storage side, reached only by the signed URLs the API hands out (no API key, as with
 * the platform's storage): image bytes and thumbnails, export files, model files, and the PUT of an
 * upload. Every name in the path is checked before a file is opened, and every file served comes
 * from the content store, the thumbnails, the export folder or the model store: nothing else of the
 * disk can be named.
 */
final class FileRoutes {
  private static final Pattern EXPORT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,120}\\.ndjson");

  private final HubServices hub;
  private final UploadSessions sessions;
  private final Workspace workspace;

  FileRoutes(HubServices hub, UploadSessions sessions) {
    this.hub = hub;
    this.sessions = sessions;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/files/datasets/{id}/images/{hash}", this::image);
    routes.get("/files/datasets/{id}/thumbnails/{hash}", this::thumbnail);
    routes.get("/files/exports/{name}", this::export);
    routes.get("/files/models/{id}", this::model);
    routes.put("/files/uploads/{session}", this::upload);
  }

  private void image(Context ctx) throws IOException {
    hub.urls().verify(ctx);
    PathIds.id(ctx.pathParam("id"), "dataset id");
    Path file = workspace.content().path(PathIds.hash(ctx.pathParam("hash")));
    serve(ctx, file, "application/octet-stream", "Image not found");
  }

  private void thumbnail(Context ctx) throws IOException {
    hub.urls().verify(ctx);
    PathIds.id(ctx.pathParam("id"), "dataset id");
    String hash = PathIds.hash(ctx.pathParam("hash"));
    Path thumb = workspace.thumbnails().path(hash);
    if (Files.isRegularFile(thumb)) {
      serve(ctx, thumb, "image/jpeg", "Image not found");
    } else {
      serve(ctx, workspace.content().path(hash), "application/octet-stream", "Image not found");
    }
  }

  private void export(Context ctx) throws IOException {
    hub.urls().verify(ctx);
    String name = ctx.pathParam("name");
    if (!EXPORT_NAME.matcher(name).matches()) {
      throw ApiException.badRequest("invalid export name");
    }
    serve(ctx, ExportRoutes.folder(workspace).resolve(name), "application/x-ndjson", "Export not found");
  }

  private void model(Context ctx) throws IOException {
    hub.urls().verify(ctx);
    ModelRecord m = workspace.models().find(PathIds.id(ctx.pathParam("id"), "model id"))
        .orElseThrow(() -> ApiException.notFound("Model not found"));
    ctx.header("Content-Disposition", "attachment; filename=\"" + m.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    serve(ctx, workspace.models().file(m), "application/octet-stream", "Model file not found");
  }

  private static void serve(Context ctx, Path file, String contentType, String missing) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw ApiException.notFound(missing);
    }
    ctx.status(200).contentType(contentType).header("Content-Length", Long.toString(Files.size(file)));
    ctx.result(Files.newInputStream(file));
  }

  /** The PUT of an upload: the bytes streamed to the session's file, counted and hashed. */
  private void upload(Context ctx) throws IOException {
    hub.urls().verify(ctx);
    UploadSession s = sessions.find(PathIds.id(ctx.pathParam("session"), "upload session"))
        .orElseThrow(() -> ApiException.notFound("Upload session not found or expired"));
    if (s.state() == UploadSession.State.COMPLETED || s.state() == UploadSession.State.INGESTED) {
      throw ApiException.badRequest("this upload is already complete");
    }
    long limit = s.totalBytes;
    if (ctx.req().getContentLengthLong() > limit) {
      throw ApiException.tooLarge("the file is larger than the " + limit + " bytes announced");
    }
    MessageDigest sha = sha256();
    long bytes = 0;
    Path part = Files.createTempFile(s.file.getParent(), s.id, ".part");
    try (InputStream in = new DigestInputStream(ctx.bodyInputStream(), sha);
        OutputStream out = Files.newOutputStream(part, StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        bytes += n;
        if (bytes > limit) {
          throw ApiException.tooLarge("the file is larger than the " + limit + " bytes announced");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    Files.move(part, s.file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    s.uploaded(bytes, HexFormat.of().formatHex(sha.digest()));
    ctx.status(200);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
