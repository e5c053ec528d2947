package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A project of {@code GET /api/projects}. */
public record RemoteProject(
    @JsonProperty("_id") @JsonAlias("id") String id,
    String name,
    String slug,
    String description,
    String visibility,
    String username,
    String iconColor,
    String iconLetter,
    Integer modelCount,
    String createdAt,
    String updatedAt) {}
