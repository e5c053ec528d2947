package dev.loupe.core.platform.remote;

/**
 * {@code GET /api/datasets/{id}/export}: a signed URL of the NDJSON export.
 *
 * @param version the version exported when the server names it (a number, or text such as "latest")
 */
public record DatasetExport(String downloadUrl, Boolean cached, String version) {}
