package dev.loupe.app.gui.labeling;

import dev.loupe.core.annotate.AutoAnnotator;
import dev.loupe.core.annotate.ClassMapping;
import dev.loupe.core.annotate.DatasetPrediction;
import dev.loupe.core.annotate.PredictionLabels;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.session.PreLabeler;
import dev.loupe.labeling.session.Proposal;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Pre-labelling of the labeling view with a model of the workspace: the platform's per-image
 * predict ({@link AutoAnnotator#predictImage}), with the model loaded once and kept while it is
 * chosen. Proposals are in the dataset's classes, skip what overlaps an existing label and carry the
 * model's confidence.
 */
public final class ModelPreLabeler implements PreLabeler, AutoCloseable {
  private final AutoAnnotator annotator;
  private final String datasetId;
  private final String modelId;
  private final double confidence;
  private final double iou;
  private final Shared shared;

  public ModelPreLabeler(
      Workspace workspace, PredictorFactory engines, String datasetId, String modelId, double confidence,
      double iou) {
    this.shared = new Shared(engines);
    this.annotator = new AutoAnnotator(workspace, shared);
    this.datasetId = datasetId;
    this.modelId = modelId;
    this.confidence = confidence;
    this.iou = iou;
  }

  /** The proposals for an image, each with the model's confidence (for the review in the labeling view). */
  @Override
  public List<Proposal> predict(String hash) throws IOException {
    DatasetPrediction found = annotator.predictImage(datasetId, hash, modelId, confidence, iou);
    Dataset dataset = found.dataset();
    ClassMapping classes = ClassMapping.byName(shared.names(), dataset.classNames());
    PredictionLabels converter = new PredictionLabels(dataset.task(), classes, dataset.kptShape());
    return ScoredLabels.of(found.prediction(), converter, confidence, found.labels());
  }

  /** Frees the model's engine. */
  @Override
  public void close() {
    shared.release();
  }

  /** Opens the model on first use and hands out the same predictor, which callers' close leaves open. */
  private static final class Shared implements PredictorFactory {
    private final PredictorFactory engines;
    private Predictor loaded;
    private Path loadedFile;

    Shared(PredictorFactory engines) {
      this.engines = engines;
    }

    @Override
    public synchronized Predictor open(Path modelFile) throws IOException {
      if (loaded == null || !modelFile.equals(loadedFile)) {
        release();
        loaded = engines.open(modelFile);
        loadedFile = modelFile;
      }
      Predictor model = loaded;
      return new Predictor() {
        @Override
        public ModelInfo info() {
          return model.info();
        }

        @Override
        public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
          return model.predict(image, options);
        }

        @Override
        public ImagePrediction predict(BufferedImage image, PredictOptions options) {
          return model.predict(image, options);
        }

        @Override
        public void close() {
          // kept for the next image; released with the pre-labeler
        }
      };
    }

    /** The class names of the loaded model. */
    synchronized List<String> names() {
      return loaded == null ? List.of() : loaded.info().names();
    }

    synchronized void release() {
      if (loaded != null) {
        loaded.close();
        loaded = null;
        loadedFile = null;
      }
    }
  }
}
