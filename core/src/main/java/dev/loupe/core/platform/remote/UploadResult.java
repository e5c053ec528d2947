package dev.loupe.core.platform.remote;

/** A finished signed-URL upload: its session, the sha-256 sent as checksum, its size and where it lies. */
public record UploadResult(String sessionId, String sha256, long bytes, String gcsPath, String downloadUrl) {}
