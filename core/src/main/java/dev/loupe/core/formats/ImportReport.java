package dev.loupe.core.formats;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of an import: how many images came in, were skipped, and every problem with its count
 * and the first few places it happened. Thread-safe.
 */
public final class ImportReport {
  /** How many example places are kept per kind of problem. */
  public static final int EXAMPLES_PER_KIND = 5;

  private final Map<ImportProblem, Integer> counts = new EnumMap<>(ImportProblem.class);
  private final Map<ImportProblem, List<String>> examples = new EnumMap<>(ImportProblem.class);
  private long imported;
  private long skipped;
  private long labels;

  /** Records one problem; {@code where} names the file (and row) concerned. */
  public synchronized void problem(ImportProblem kind, String where) {
    counts.merge(kind, 1, Integer::sum);
    List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
    if (list.size() < EXAMPLES_PER_KIND) {
      list.add(where);
    }
  }

  public synchronized void imported(long images, long labelCount) {
    imported += images;
    labels += labelCount;
  }

  public synchronized void skipped(long images) {
    skipped += images;
  }

  public synchronized long importedImages() {
    return imported;
  }

  public synchronized long importedLabels() {
    return labels;
  }

  public synchronized long skippedImages() {
    return skipped;
  }

  public synchronized int count(ImportProblem kind) {
    return counts.getOrDefault(kind, 0);
  }

  public synchronized Map<ImportProblem, Integer> counts() {
    return Map.copyOf(counts);
  }

  public synchronized List<String> examples(ImportProblem kind) {
    return List.copyOf(examples.getOrDefault(kind, List.of()));
  }

  public synchronized int problemCount() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
