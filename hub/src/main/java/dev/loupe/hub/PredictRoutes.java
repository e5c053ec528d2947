package dev.loupe.hub;

import dev.loupe.core.api.PredictJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/models/{id}/predict}: the multipart form of the reference ({@code file}, or
 * {@code source} as base64 image data; {@code conf}, {@code iou}, {@code imgsz}) run by the local
 * inference engine, answered in the platform's predict shape. At most 100 MB, as the platform. A
 * local hub fetches no image URLs.
 */
final class PredictRoutes {
  static final long MAX_BYTES = 100L << 20;

  private final HubServices hub;
  private final ModelRoutes models;
  private final Predictors predictors;
  private final Workspace workspace;

  PredictRoutes(HubServices hub, ModelRoutes models, Predictors predictors) {
    this.hub = hub;
    this.models = models;
    this.predictors = predictors;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.post("/api/models/{id}/predict", this::predict);
  }

  private void predict(Context ctx) throws IOException {
    ModelRecord m = models.model(ctx);
    if (ctx.req().getContentLengthLong() > MAX_BYTES + (1 << 20)) {
      throw ApiException.tooLarge("the hub predicts files up to 100 MB");
    }
    if (!ctx.isMultipartFormData()) {
      throw ApiException.badRequest("predict takes a multipart form with 'file' (or 'source')");
    }
    PredictOptions options = new PredictOptions(number(ctx, "conf", 0.25), number(ctx, "iou", 0.7),
        (int) number(ctx, "imgsz", 0), PredictOptions.DEFAULTS.maxDet(), Set.of(), false);
    Path dir = Files.createDirectories(workspace.root().resolve("tmp").resolve("hub-predict"));
    Path image = Files.createTempFile(dir, "predict-", ".img");
    String name;
    try {
      UploadedFile file = ctx.uploadedFile("file");
      if (file != null) {
        if (file.size() > MAX_BYTES) {
          throw ApiException.tooLarge("the hub predicts files up to 100 MB");
        }
        try (InputStream in = file.content()) {
          Files.copy(in, image, StandardCopyOption.REPLACE_EXISTING);
        }
        name = file.filename();
      } else {
        Files.write(image, sourceBytes(ctx.formParam("source")));
        name = "source";
      }
      Predictor predictor = predictors.of(m);
      ImagePrediction prediction = predictor.predict(image, options);
      HubJson.ok(ctx, PredictJson.response(predictor.info(), List.of(new PredictJson.Item(name, prediction))));
    } finally {
      Files.deleteIfExists(image);
    }
  }

  private static byte[] sourceBytes(String source) {
    if (source == null || source.isBlank()) {
      throw ApiException.badRequest("predict needs a 'file' or a 'source'");
    }
    if (source.startsWith("http://") || source.startsWith("https://")) {
      throw ApiException.badRequest("the Loupe hub fetches no image URLs: send the image as 'file' or base64 'source'");
    }
    String data = source.startsWith("data:") ? source.substring(source.indexOf(',') + 1) : source;
    try {
      return Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("'source' is neither an image URL nor base64 image data");
    }
  }

  private static double number(Context ctx, String name, double absent) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      return absent;
    }
    try {
      return Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("'" + name + "' must be a number");
    }
  }
}
