package dev.loupe.app.gui.labeling;

import dev.loupe.core.annotate.PredictionLabels;
import dev.loupe.core.domain.Label;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.labeling.session.Proposal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the labels a prediction became their model's confidence, for the review of predictions:
 * either each detection is converted on its own (as {@link PredictionLabels} converts them all) and
 * the labels kept after the overlap filter are matched to those by value, or, where the converter is
 * not at hand (an annotation run), each label takes the confidence of the detection whose box covers
 * it best.
 */
final class ScoredLabels {
  private ScoredLabels() {}

  /**
   * The proposals for {@code kept} (labels converted from {@code prediction}, perhaps fewer); a label
   * that matches no detection gets NaN (no confidence known).
   */
  static List<Proposal> of(ImagePrediction prediction, PredictionLabels converter, double conf, List<Label> kept) {
    Map<Label, Deque<Double>> scores = new HashMap<>();
    if (!prediction.top5().isEmpty()) {
      for (Label label : converter.convert(prediction, conf)) {
        scores.computeIfAbsent(label, l -> new ArrayDeque<>()).add(prediction.top5().get(0).confidence());
      }
    }
    for (Detection d : prediction.results()) {
      ImagePrediction one = new ImagePrediction(prediction.height(), prediction.width(), List.of(d), List.of());
      for (Label label : converter.convert(one, conf)) {
        scores.computeIfAbsent(label, l -> new ArrayDeque<>()).add(d.confidence());
      }
    }
    List<Proposal> proposals = new ArrayList<>(kept.size());
    for (Label label : kept) {
      Deque<Double> found = scores.get(label);
      Double score = found == null ? null : found.poll();
      proposals.add(new Proposal(label, score == null ? Double.NaN : score));
    }
    return proposals;
  }

  /** Each label with the confidence of the detection whose box overlaps its bounds most (classify: the top class's). */
  static List<Proposal> byOverlap(ImagePrediction prediction, List<Label> labels) {
    List<Proposal> proposals = new ArrayList<>(labels.size());
    for (Label label : labels) {
      double[] b = dev.loupe.labeling.geom.Bounds.of(label);
      double confidence = Double.NaN;
      if (b == null) {
        confidence = prediction.top5().isEmpty() ? Double.NaN : prediction.top5().get(0).confidence();
      } else {
        double best = 0;
        for (Detection d : prediction.results()) {
          double iou = iou(b, d.x1() / prediction.width(), d.y1() / prediction.height(),
              d.x2() / prediction.width(), d.y2() / prediction.height());
          if (iou > best) {
            best = iou;
            confidence = d.confidence();
          }
        }
      }
      proposals.add(new Proposal(label, confidence));
    }
    return proposals;
  }

  static double iou(double[] a, double x1, double y1, double x2, double y2) {
    double w = Math.min(a[2], x2) - Math.max(a[0], x1);
    double h = Math.min(a[3], y2) - Math.max(a[1], y1);
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double inter = w * h;
    double union = (a[2] - a[0]) * (a[3] - a[1]) + (x2 - x1) * (y2 - y1) - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
