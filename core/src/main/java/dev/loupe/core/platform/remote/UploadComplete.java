package dev.loupe.core.platform.remote;

/** The body of {@code POST /api/upload/complete}: the session and the file's sha-256 (hex). */
public record UploadComplete(String sessionId, String checksum) {}
