package dev.loupe.app.gui.explorer;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.paint.Color;

/**
 * Colours the points of a map by one of the {@link ColorMode}s: classes in the dataset's class colours,
 * splits in the theme's split colours, clusters in a categorical palette, label counts on a ramp of
 * bins. A pure function of the points; legend entries with no points are left out.
 */
public final class PointColors {
  static final int NONE = 0xff6b7280;
  static final int[] SPLITS = {0xff4fbf7f, 0xffe0a53a, 0xffa877e8};
  static final int[] CLUSTERS = {
    0xff4c8dff, 0xffff7f50, 0xff3ecf8e, 0xffe8c547, 0xffc77dff, 0xffff5d8f,
    0xff2ec4d6, 0xffa3d65c, 0xfff29e4c, 0xff8c9eff, 0xffff9bd2, 0xff6fd3a6
  };
  /** Label-count bins: lower bounds. */
  static final int[] COUNT_BINS = {0, 1, 2, 4, 8, 16};
  static final int[] COUNT_COLORS = {0xff5d6470, 0xff3b6fd8, 0xff2fa8b8, 0xff5cc46a, 0xffd9c93b, 0xfff07b3f};

  private PointColors() {}

  /**
   * @param classNames the dataset's class names, by id
   * @param classColor the colour of a class id (the dataset's palette)
   */
  public static Coloring of(MapPoints points, ColorMode mode, List<String> classNames, IntFunction<Color> classColor) {
    return switch (mode) {
      case CLASS -> byClass(points, classNames, classColor);
      case SPLIT -> bySplit(points);
      case CLUSTER -> byCluster(points);
      case LABEL_COUNT -> byLabelCount(points);
    };
  }

  private static Coloring byClass(MapPoints points, List<String> names, IntFunction<Color> classColor) {
    int n = points.size();
    int classes = names.size();
    int[] palette = new int[classes];
    for (int c = 0; c < classes; c++) {
      palette[c] = argb(classColor.apply(c));
    }
    int[] counts = new int[classes + 1];
    int[] argb = new int[n];
    for (int i = 0; i < n; i++) {
      int c = points.rarestClass(i);
      if (c >= 0 && c < classes) {
        argb[i] = palette[c];
        counts[c]++;
      } else {
        argb[i] = NONE;
        counts[classes]++;
      }
    }
    List<LegendEntry> legend = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      if (counts[c] > 0) {
        legend.add(new LegendEntry(names.get(c), palette[c], counts[c]));
      }
    }
    if (counts[classes] > 0) {
      legend.add(new LegendEntry(Messages.text("explorer.legend.noLabels"), NONE, counts[classes]));
    }
    return new Coloring(ColorMode.CLASS, argb, legend);
  }

  private static Coloring bySplit(MapPoints points) {
    int[] argb = new int[points.size()];
    int[] counts = new int[Split.values().length];
    for (int i = 0; i < argb.length; i++) {
      int s = points.split(i).ordinal();
      argb[i] = SPLITS[s];
      counts[s]++;
    }
    List<LegendEntry> legend = new ArrayList<>();
    for (Split s : Split.values()) {
      if (counts[s.ordinal()] > 0) {
        legend.add(new LegendEntry(s.apiName(), SPLITS[s.ordinal()], counts[s.ordinal()]));
      }
    }
    return new Coloring(ColorMode.SPLIT, argb, legend);
  }

  private static Coloring byCluster(MapPoints points) {
    int k = points.clusterCount();
    int[] counts = new int[k + 1];
    int[] argb = new int[points.size()];
    for (int i = 0; i < argb.length; i++) {
      int c = points.cluster(i);
      if (c >= 0 && c < k) {
        argb[i] = clusterColor(c);
        counts[c]++;
      } else {
        argb[i] = NONE;
        counts[k]++;
      }
    }
    List<LegendEntry> legend = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        legend.add(new LegendEntry(Messages.text("explorer.legend.cluster", c + 1), clusterColor(c), counts[c]));
      }
    }
    if (counts[k] > 0) {
      legend.add(new LegendEntry(Messages.text("explorer.legend.noCluster"), NONE, counts[k]));
    }
    return new Coloring(ColorMode.CLUSTER, argb, legend);
  }

  static int clusterColor(int cluster) {
    return cluster < CLUSTERS.length ? CLUSTERS[cluster] : argb(dev.loupe.labeling.ClassPalette.defaultColor(cluster));
  }

  private static Coloring byLabelCount(MapPoints points) {
    int[] counts = new int[COUNT_BINS.length];
    int[] argb = new int[points.size()];
    for (int i = 0; i < argb.length; i++) {
      int bin = bin(points.labelCount(i));
      argb[i] = COUNT_COLORS[bin];
      counts[bin]++;
    }
    List<LegendEntry> legend = new ArrayList<>();
    for (int b = 0; b < COUNT_BINS.length; b++) {
      if (counts[b] > 0) {
        legend.add(new LegendEntry(binName(b), COUNT_COLORS[b], counts[b]));
      }
    }
    return new Coloring(ColorMode.LABEL_COUNT, argb, legend);
  }

  static int bin(int labelCount) {
    int b = 0;
    while (b + 1 < COUNT_BINS.length && labelCount >= COUNT_BINS[b + 1]) {
      b++;
    }
    return b;
  }

  static String binName(int bin) {
    int low = COUNT_BINS[bin];
    if (bin == COUNT_BINS.length - 1) {
      return Messages.text("explorer.legend.labelsOrMore", low);
    }
    int high = COUNT_BINS[bin + 1] - 1;
    return low == high ? Messages.text("explorer.legend.labels", low)
        : Messages.text("explorer.legend.labelRange", String.valueOf(low), String.valueOf(high));
  }

  /** An opaque ARGB int of {@code color}. */
  public static int argb(Color color) {
    return 0xff000000
        | (int) Math.round(color.getRed() * 255) << 16
        | (int) Math.round(color.getGreen() * 255) << 8
        | (int) Math.round(color.getBlue() * 255);
  }
}
