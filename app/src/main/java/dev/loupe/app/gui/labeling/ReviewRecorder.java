package dev.loupe.app.gui.labeling;

import dev.loupe.core.annotate.ClassMapping;
import dev.loupe.core.annotate.PredictionLabels;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.session.Proposal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engines of an auto-annotation run, remembering what the model said of each image with its
 * confidence (the run itself writes only labels): after the run, {@link #written(String)} tells which of
 * the labels it wrote came from which prediction, for the review queue. Images are read from the
 * content store, whose file names are the images' hashes.
 */
public final class ReviewRecorder implements PredictorFactory {
  private final PredictorFactory engines;
  private final Workspace workspace;
  private final String datasetId;
  private final Map<String, List<Proposal>> predicted = new ConcurrentHashMap<>();

  public ReviewRecorder(PredictorFactory engines, Workspace workspace, String datasetId) {
    this.engines = engines;
    this.workspace = workspace;
    this.datasetId = datasetId;
  }

  @Override
  public Predictor open(Path modelFile) throws IOException {
    Predictor model = engines.open(modelFile);
    return new Predictor() {
      private volatile PredictionLabels converter;

      @Override
      public ModelInfo info() {
        return model.info();
      }

      @Override
      public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
        ImagePrediction prediction = model.predict(image, options);
        PredictionLabels labels = converter();
        predicted.put(image.getFileName().toString(),
            ScoredLabels.of(prediction, labels, 0, labels.convert(prediction, 0)));
        return prediction;
      }

      @Override
      public ImagePrediction predict(BufferedImage image, PredictOptions options) {
        return model.predict(image, options);
      }

      /** Made at the first image, after the run added the classes it was asked to add. */
      private PredictionLabels converter() {
        if (converter == null) {
          Dataset dataset = workspace.datasets().require(datasetId);
          converter = new PredictionLabels(
              dataset.task(), ClassMapping.byName(model.info().names(), dataset.classNames()), dataset.kptShape());
        }
        return converter;
      }

      @Override
      public void close() {
        model.close();
      }
    };
  }

  /**
   * The predictions run {@code runId} wrote as labels, per image (those it left out, overlapping a
   * label, are not among them). Reads the images' labels now: call it when the run is over.
   */
  public Map<String, List<Proposal>> written(String runId) {
    Map<String, List<Proposal>> written = new LinkedHashMap<>();
    predicted.forEach((hash, proposals) -> {
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
