package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /api/models/{id}/predict}: per image its shape {@code [h, w]} and the detections in pixels. */
public record PredictResponse(List<PredictedImage> images, Metadata metadata) {
  public PredictResponse {
    images = images == null ? List.of() : List.copyOf(images);
  }

  public record PredictedImage(List<Integer> shape, List<Detection> results) {}

  public record Detection(@JsonProperty("class") int classId, String name, double confidence, Box box) {}

  public record Box(double x1, double y1, double x2, double y2) {}

  public record Metadata(Integer imageCount) {}
}
