package dev.loupe.core.stats;

import java.util.List;

/**
 * The response of {@code GET /api/datasets/{id}/class-stats}, field for field. Loupe computes it over
 * every image ({@code sampled: false}).
 */
public record ClassStats(
    List<ClassCount> classes,
    ImageStats imageStats,
    Heatmap locationHeatmap,
    DimensionHeatmap dimensionHeatmap,
    List<String> classNames,
    boolean cached,
    boolean sampled,
    long sampleSize) {

  /** Labels of a class and the images holding at least one. */
  public record ClassCount(int classId, long count, long imageCount) {}

  public record Bin(int bin, long count) {}

  /**
   * Image widths and heights in 32 px bins (bin = lower edge), and points per label (4 for a box or
   * oriented box, the vertex count of a polygon, the keypoint count of a pose).
   */
  public record ImageStats(List<Bin> widthHistogram, List<Bin> heightHistogram, List<Bin> pointsHistogram) {}

  /** Label centres on a grid over the image: {@code bins[row][column]}, rows top to bottom. */
  public record Heatmap(long[][] bins, long maxCount) {}

  /**
   * Label sizes in pixels on a grid spanning the smallest to the largest: {@code bins[heightBin][widthBin]}.
   */
  public record DimensionHeatmap(
      long[][] bins, long maxCount, int minWidth, int maxWidth, int minHeight, int maxHeight) {}

  public ClassStats withCached(boolean value) {
    return new ClassStats(
        classes, imageStats, locationHeatmap, dimensionHeatmap, classNames, value, sampled, sampleSize);
  }
}
