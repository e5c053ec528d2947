package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.ModelFiles;
import dev.loupe.core.platform.remote.ModelList;
import dev.loupe.core.platform.remote.ModelPatch;
import dev.loupe.core.platform.remote.ModelQuery;
import dev.loupe.core.platform.remote.NewModel;
import dev.loupe.core.platform.remote.PredictOptions;
import dev.loupe.core.platform.remote.PredictResponse;
import dev.loupe.core.platform.remote.RemoteModel;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** The model routes: {@code /api/models...}. */
public final class ModelsApi {
  /** The platform's largest predict upload. */
  public static final long MAX_PREDICT_BYTES = 100L * 1024 * 1024;

  private final PlatformHttp http;

  ModelsApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code GET /api/models?projectId=...}. */
  public ModelList list(ModelQuery q) {
    return Responses.read(http.send(ApiRequest.get("models")
        .query("projectId", q.projectId()).query("fields", q.fields()).query("ids", q.ids()).query("limit", q.limit())),
        ModelList.class);
  }

  /** {@code GET /api/models/{id}}. */
  public RemoteModel get(String modelId) {
    return Responses.read(http.send(ApiRequest.get("models", modelId)), RemoteModel.class, "model");
  }

  /** {@code POST /api/models}; sent once. */
  public RemoteModel create(NewModel body) {
    return Responses.read(http.send(ApiRequest.post("models").json(body)), RemoteModel.class, "model");
  }

  /** {@code PATCH /api/models/{id}}. */
  public RemoteModel update(String modelId, ModelPatch patch) {
    JsonNode n = http.send(ApiRequest.patch("models", modelId).json(patch));
    return n.isMissingNode() || n.path("ok").isBoolean() ? get(modelId) : Responses.read(n, RemoteModel.class, "model");
  }

  /** {@code DELETE /api/models/{id}}. */
  public void delete(String modelId) {
    http.send(ApiRequest.delete("models", modelId));
  }

  /** {@code GET /api/models/{id}/files}: signed URLs of the weights (download budget). */
  public ModelFiles files(String modelId) {
    return Responses.read(http.send(ApiRequest.get("models", modelId, "files").category(RateCategory.DOWNLOAD)),
        ModelFiles.class);
  }

  /**
   * {@code POST /api/models/{id}/predict} with an image or video file (multipart {@code file}, at most
   * 100 MB; predict budget). Not repeated on failure: each try is billed inference.
   */
  public PredictResponse predict(String modelId, Path file, PredictOptions options) {
    long size;
    try {
      size = Files.size(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (size > MAX_PREDICT_BYTES) {
      throw new IllegalArgumentException(file + " is " + size + " bytes; the platform predicts files up to 100 MB");
    }
    MultipartBody.Builder form = form(options);
    form.addFormDataPart("file", file.getFileName().toString(),
        RequestBody.create(file.toFile(), MediaType.get("application/octet-stream")));
    return predict(modelId, form.build());
  }

  /** {@code POST /api/models/{id}/predict} on an image URL or base64 image ({@code source}). */
  public PredictResponse predict(String modelId, String source, PredictOptions options) {
    MultipartBody.Builder form = form(options);
    form.addFormDataPart("source", source);
    return predict(modelId, form.build());
  }

  private PredictResponse predict(String modelId, MultipartBody body) {
    return Responses.read(http.send(ApiRequest.post("models", modelId, "predict").body(body)
        .category(RateCategory.PREDICT)), PredictResponse.class);
  }

  private static MultipartBody.Builder form(PredictOptions options) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    if (options.conf() != null) {
      form.addFormDataPart("conf", options.conf().toString());
    }
    if (options.iou() != null) {
      form.addFormDataPart("iou", options.iou().toString());
    }
    if (options.imgsz() != null) {
      form.addFormDataPart("imgsz", options.imgsz().toString());
    }
    return form;
  }
}
