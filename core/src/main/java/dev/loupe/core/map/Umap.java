package dev.loupe.core.map;

import dev.loupe.core.task.TaskMonitor;

/** UMAP over approximate nearest neighbours: every point placed, components side by side. */
public final class Umap implements MapLayouter {
  @Override
  public Layout layout(float[][] vectors, LayoutOptions options, TaskMonitor monitor) {
    throw new UnsupportedOperationException("not written yet");
  }
}
