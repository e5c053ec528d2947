package dev.loupe.core.platform;

import dev.loupe.core.platform.remote.SignedUpload;
import dev.loupe.core.platform.remote.SignedUploadRequest;
import dev.loupe.core.platform.remote.UploadComplete;
import dev.loupe.core.platform.remote.UploadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two-step upload: {@code POST /api/upload/signed-url}, a PUT of the bytes to the signed URL,
 * then {@code POST /api/upload/complete} with the file's sha-256. Both API calls use the upload
 * budget (10/min).
 */
public final class UploadsApi {
  private final PlatformHttp http;
  private final SignedTransfers transfers;

  UploadsApi(PlatformHttp http, SignedTransfers transfers) {
    this.http = http;
    this.transfers = transfers;
  }

  /** {@code POST /api/upload/signed-url}. */
  public SignedUpload signedUrl(SignedUploadRequest body) {
    return Responses.read(http.send(ApiRequest.post("upload", "signed-url").json(body).category(RateCategory.UPLOAD)),
        SignedUpload.class);
  }

  /** {@code POST /api/upload/complete}. */
  public void complete(UploadComplete body) {
    http.send(ApiRequest.post("upload", "complete").json(body).category(RateCategory.UPLOAD));
  }

  /**
   * Uploads {@code file} as an asset of {@code assetType} (models, datasets, images, videos) and id
   * {@code assetId}: all three steps; the sha-256 is computed before the signed URL is asked for.
   */
  public UploadResult upload(String assetType, String assetId, Path file, String contentType) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String sha256 = SignedTransfers.sha256(file);
    SignedUpload signed = signedUrl(new SignedUploadRequest(assetType, assetId, file.getFileName().toString(), contentType, size));
    if (signed.uploadUrl() == null || signed.sessionId() == null) {
      throw new PlatformException.BadResponse(200, "POST /upload/signed-url answered without uploadUrl or sessionId", null);
    }
    transfers.upload(signed.uploadUrl(), file, contentType);
    complete(new UploadComplete(signed.sessionId(), sha256));
    return new UploadResult(signed.sessionId(), sha256, size, signed.gcsPath(), signed.downloadUrl());
  }
}
