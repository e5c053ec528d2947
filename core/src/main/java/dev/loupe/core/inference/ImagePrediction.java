package dev.loupe.core.inference;

import java.util.List;

/**
 * What a model saw in one image: the image's size after EXIF orientation, the objects found, and for
 * classification models the five most probable classes (empty for other tasks).
 */
public record ImagePrediction(int height, int width, List<Detection> results, List<ClassScore> top5) {
  public ImagePrediction {
    results = List.copyOf(results);
    top5 = List.copyOf(top5);
  }
}
