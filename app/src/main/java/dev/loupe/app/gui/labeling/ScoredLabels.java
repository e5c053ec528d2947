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
 * Gives the labels a prediction became their model's confidence, for the review of pre-labels: each
 * detection is converted on its own (as {@link PredictionLabels} converts them all) and the labels
 * kept after the overlap filter are matched to those by value.
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
}
