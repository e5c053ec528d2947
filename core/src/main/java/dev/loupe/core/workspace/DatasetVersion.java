package dev.loupe.core.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A numbered, immutable snapshot of a dataset (an NDJSON file) with the counts it captured.
 */
public record DatasetVersion(
    String datasetId,
    int version,
    String description,
    Instant createdAt,
    long imageCount,
    int classCount,
    long labelCount,
    Map<String, Long> splits,
    long bytes,
    Path file) {}
