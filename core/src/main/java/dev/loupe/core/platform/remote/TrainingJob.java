package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;

/** The answer of {@code POST /api/training/start}; the reference shows none, so fields are read when present. */
public record TrainingJob(@JsonAlias({"_id", "id"}) String jobId, String modelId, String status, String gpuType) {}
