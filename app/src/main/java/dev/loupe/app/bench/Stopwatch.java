package dev.loupe.app.bench;

import java.util.Arrays;

/** Times repeated runs and reports median and worst, in milliseconds. */
final class Stopwatch {
  private Stopwatch() {}

  /** One run of {@code work}, in ms. */
  static double once(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  /** {@code runs} timed runs; {@code work} gets the run number so each query can differ. */
  static double[] repeat(int runs, java.util.function.IntConsumer work) {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.accept(i);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  static double median(double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The nearest-rank {@code p}-th percentile (0 < p <= 100). */
  static double percentile(double[] ms, double p) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  static double max(double[] ms) {
    return Arrays.stream(ms).max().orElse(0);
  }

  /** Milliseconds the collectors have spent so far (pauses and concurrent work as the JVM counts them). */
  static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean gc
        : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  static long usedHeapMb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) >> 20;
  }

  static String fmt(double ms) {
    return String.format(java.util.Locale.ROOT, "%.2f", ms);
  }

}
