package dev.loupe.core.platform.remote;

/** {@code POST /api/upload/signed-url}: where to PUT the file, and the session to complete. */
public record SignedUpload(String sessionId, String uploadUrl, String gcsPath, String downloadUrl, String expiresAt) {}
