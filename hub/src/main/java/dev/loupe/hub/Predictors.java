package dev.loupe.hub;

import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models the hub predicts with, each loaded once on first use and kept (predictors are
 * thread-safe), keyed by model id and file hash so a replaced file is loaded again. Closed with the
 * hub.
 */
final class Predictors implements AutoCloseable {
  private final Workspace workspace;
  private final PredictorFactory factory;
  private final Map<String, Predictor> loaded = new ConcurrentHashMap<>();

  Predictors(Workspace workspace, PredictorFactory factory) {
    this.workspace = workspace;
    this.factory = factory;
  }

  Predictor of(ModelRecord model) throws IOException {
    String key = model.id() + "/" + model.fileHash();
    Predictor p = loaded.get(key);
    if (p != null) {
      return p;
    }
    synchronized (this) {
      p = loaded.get(key);
      if (p == null) {
        p = factory.open(workspace.models().runnableFile(model));
        loaded.put(key, p);
      }
      return p;
    }
  }

  @Override
  public synchronized void close() {
    loaded.values().forEach(Predictor::close);
    loaded.clear();
  }
}
