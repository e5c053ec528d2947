package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A trained model of {@code GET /api/models} or {@code GET /api/datasets/{id}/models}; metrics by
 * the platform's names ({@code mAP50}, {@code mAP50-95}, {@code precision}, {@code recall}).
 */
public record RemoteModel(
    @JsonProperty("_id") @JsonAlias("id") String id,
    String name,
    String slug,
    String description,
    String status,
    String task,
    Integer epochs,
    Integer bestEpoch,
    String projectId,
    String projectSlug,
    String username,
    String startedAt,
    String completedAt,
    String createdAt,
    Map<String, Double> metrics) {}
