package dev.loupe.core.platform.remote;

/** {@code POST /api/datasets/{id}/export}: the new numbered version and its NDJSON file. */
public record DatasetVersionCreated(int version, String downloadUrl) {}
