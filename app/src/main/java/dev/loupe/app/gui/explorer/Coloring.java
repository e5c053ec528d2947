package dev.loupe.app.gui.explorer;

import java.util.List;

/** The colour of every point ({@code argb[i]}, opaque) and the legend that explains them. */
public record Coloring(ColorMode mode, int[] argb, List<LegendEntry> legend) {
  public Coloring {
    legend = List.copyOf(legend);
  }
}
