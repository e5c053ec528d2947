package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A dataset as {@code GET /api/datasets} and {@code GET /api/datasets/{id}} return it. */
public record RemoteDataset(
    @JsonProperty("_id") @JsonAlias("id") String id,
    String name,
    String slug,
    String task,
    String description,
    Long imageCount,
    Integer classCount,
    Long labelCount,
    List<String> classNames,
    String visibility,
    String username,
    Integer starCount,
    Boolean isStarred,
    Map<String, Long> splits,
    List<SampleImage> sampleImages,
    String createdAt,
    String updatedAt) {

  /** A preview image of a dataset list entry. */
  public record SampleImage(String url, Integer width, Integer height, List<RemoteLabel> labels) {}
}
