package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;

/** The answer of {@code POST /api/datasets/ingest}; the reference shows none, so fields are read when present. */
public record IngestJob(@JsonAlias({"_id", "id"}) String jobId, String datasetId, String status) {}
