package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of {@code GET /api/trash}. */
public record TrashItem(
    @JsonProperty("_id") @JsonAlias("id") String id,
    String type,
    String name,
    String slug,
    String deletedAt,
    String expiresAt) {}
