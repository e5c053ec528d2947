package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.stats.ClassStats;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Vertical bars of a histogram. With a bin width (image sizes in 32 px bins) the bars span the
 * smallest to the largest bin, empty bins included; without one (points per label) each value
 * present is a bar of its own.
 */
final class HistogramChart extends ChartCanvas {
  private static final double LEFT = 48;
  private static final double BOTTOM = 34;
  private static final double TOP = 14;
  private static final double RIGHT = 10;
  /** Few bars are drawn no wider than this, centred. */
  private static final double MAX_BAR = 48;

  private final int binWidth;
  private final String xName;
  private final String unit;
  /** The bars: their lower edge and count. */
  private List<ClassStats.Bin> bars = List.of();
  private long max;
  private boolean log;

  /** {@code binWidth} 0: one bar per value present. */
  HistogramChart(int binWidth, String xName, String unit) {
    this.binWidth = binWidth;
    this.xName = xName;
    this.unit = unit;
  }

  void setBins(List<ClassStats.Bin> bins, boolean logScale) {
    List<ClassStats.Bin> out = new ArrayList<>();
    if (binWidth > 0 && !bins.isEmpty()) {
      int first = bins.get(0).bin();
      int last = bins.get(bins.size() - 1).bin();
      int j = 0;
      for (int b = first; b <= last; b += binWidth) {
        long count = 0;
        while (j < bins.size() && bins.get(j).bin() < b + binWidth) {
          count += bins.get(j++).count();
        }
        out.add(new ClassStats.Bin(b, count));
      }
    } else {
      out.addAll(bins);
    }
    bars = List.copyOf(out);
    max = bars.stream().mapToLong(ClassStats.Bin::count).max().orElse(0);
    log = logScale;
    redraw();
  }

  private double step(double w) {
    return Math.min(MAX_BAR, (w - LEFT - RIGHT) / Math.max(1, bars.size()));
  }

  /** Where the first bar starts. */
  private double start(double w) {
    return LEFT + ((w - LEFT - RIGHT) - step(w) * bars.size()) / 2;
  }

  private int barAt(double x, double w) {
    double from = start(w);
    double step = step(w);
    if (bars.isEmpty() || x < from || x >= from + step * bars.size()) {
      return -1;
    }
    return Math.min(bars.size() - 1, (int) ((x - from) / step));
  }

  @Override
  void draw(GraphicsContext g, double w, double h, double mouseX, double mouseY) {
    double plotW = w - LEFT - RIGHT;
    double plotH = h - TOP - BOTTOM;
    g.setStroke(gridLine());
    g.setLineWidth(1);
    g.setFill(muted());
    g.setFont(SMALL);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    for (int i = 0; i <= 2; i++) {
      double y = Math.round(TOP + plotH * (1 - i / 2.0)) + 0.5;
      g.strokeLine(LEFT, y, LEFT + plotW, y);
      long value = log ? Math.round(Math.expm1(Math.log1p(max) * i / 2.0)) : Math.round(max * i / 2.0);
      g.fillText(compact(value), LEFT - 6, y);
    }
    if (bars.isEmpty()) {
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText(Messages.text("stats.chart.noData"), LEFT + plotW / 2, TOP + plotH / 2);
      g.setFont(FONT);
      return;
    }
    double step = step(w);
    double from = start(w);
    int hovered = mouseX < 0 ? -1 : barAt(mouseX, w);
    for (int i = 0; i < bars.size(); i++) {
      double bh = plotH * scaled(bars.get(i).count(), max, log);
      g.setFill(i == hovered ? text() : accent());
      double gap = step > 4 ? 1 : 0;
      g.fillRect(from + i * step, TOP + plotH - bh, Math.max(1, step - gap), bh);
    }
    g.setFill(muted());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    int every = Math.max(1, (int) Math.ceil(bars.size() / Math.max(1, plotW / 56)));
    for (int i = 0; i < bars.size(); i += every) {
      g.fillText(String.valueOf(bars.get(i).bin()), from + (i + 0.5) * step, TOP + plotH + 3);
    }
    g.fillText(log ? Messages.text("stats.chart.axisLog", xName) : xName, LEFT + plotW / 2, TOP + plotH + 17);
    g.setFont(FONT);
  }

  @Override
  String describe(double x, double y) {
    int i = barAt(x, canvas().getWidth());
    if (i < 0) {
      return "";
    }
    ClassStats.Bin b = bars.get(i);
    String range = binWidth > 0 ? b.bin() + "–" + (b.bin() + binWidth - 1) : String.valueOf(b.bin());
    return Messages.text("stats.histogram.bar", b.count(), range, unit);
  }
}
