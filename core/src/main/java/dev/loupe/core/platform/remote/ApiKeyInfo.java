package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A key of {@code GET /api/api-keys}: never the key itself. */
public record ApiKeyInfo(
    @JsonProperty("_id") @JsonAlias({"id", "keyId"}) String id,
    String name,
    String prefix,
    String createdAt,
    String lastUsedAt) {}
