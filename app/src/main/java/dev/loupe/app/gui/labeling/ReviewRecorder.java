package dev.loupe.app.gui.labeling;

import dev.loupe.core.annotate.AutoAnnotator;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.session.Proposal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listens to an auto-annotation run and keeps each label it adds with the model's confidence (the run
 * itself writes only labels): after the run, {@link #written(String)} gives the labels that reached
 * the label store, per image, for the review queue.
 */
public final class ReviewRecorder implements AutoAnnotator.Observer {
  private final Workspace workspace;
  private final String datasetId;
  private final Map<String, List<Proposal>> added = new ConcurrentHashMap<>();

  public ReviewRecorder(Workspace workspace, String datasetId) {
    this.workspace = workspace;
    this.datasetId = datasetId;
  }

  @Override
  public void added(ImageRecord image, ImagePrediction prediction, List<Label> labels) {
    added.put(image.hash(), ScoredLabels.byOverlap(prediction, labels));
  }

  /**
   * The labels run {@code runId} wrote, per image, with their confidence (an image edited during the
   * run, which the run left alone, is not among them). Reads the images' labels now: call it when the
   * run is over.
   */
  public Map<String, List<Proposal>> written(String runId) {
    Map<String, List<Proposal>> written = new LinkedHashMap<>();
    added.forEach((hash, proposals) -> {
      List<Label> before = workspace.annotationRuns().previousLabels(runId, hash).orElse(null);
      if (before == null) {
        return; // the run did not write this image
      }
      List<Label> stored = new ArrayList<>(workspace.labels().get(datasetId, hash));
      before.forEach(stored::remove);
      List<Proposal> found = new ArrayList<>();
      for (Proposal proposal : proposals) {
        if (stored.remove(proposal.label())) {
          found.add(proposal);
        }
      }
      if (!found.isEmpty()) {
        written.put(hash, found);
      }
    });
    return written;
  }
}
