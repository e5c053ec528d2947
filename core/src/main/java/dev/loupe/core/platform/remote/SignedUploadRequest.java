package dev.loupe.core.platform.remote;

/**
 * The body of {@code POST /api/upload/signed-url}.
 *
 * @param assetType models, datasets, images or videos
 * @param assetId the asset the file belongs to
 */
public record SignedUploadRequest(String assetType, String assetId, String filename, String contentType, long totalBytes) {}
