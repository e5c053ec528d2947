package dev.loupe.core.map;

import dev.loupe.core.task.TaskMonitor;

/** Lays high-dimensional vectors out in 2-D so that near vectors land near each other. */
public interface MapLayouter {
  /**
   * Places every one of {@code vectors} (all of one length); deterministic for the same vectors and
   * {@code options.seed()}.
   *
   * @throws IllegalArgumentException when there are fewer vectors than {@code options.neighbours() + 1}
   *     or the vectors differ in length
   * @throws dev.loupe.core.task.CancelledException when {@code monitor} is cancelled
   */
  Layout layout(float[][] vectors, LayoutOptions options, TaskMonitor monitor);
}
