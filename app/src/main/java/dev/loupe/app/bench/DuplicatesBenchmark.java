package dev.loupe.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.Task;
import dev.loupe.core.insight.DuplicateFinder;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code loupe bench duplicates}: exact and near duplicates found on generated pictures and their
 * copies ({@link DuplicateSet}; issue 12 goal: recall >= 0.95 at precision >= 0.95), scored pairwise
 * against the known truth at the default threshold and a sweep of thresholds, with the time of each
 * call (the first also fingerprints every image). Pairs with a look-alike are left out of the scores
 * and reported apart: the share of look-alikes grouped with their original.
 */
public final class DuplicatesBenchmark {
  static final double[] THRESHOLDS = {0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5};
  private static final String DATASET = "copies";
  private static final int EXAMPLES = 5;

  private final PrintStream out;

  public DuplicatesBenchmark(PrintStream out) {
    this.out = out;
  }

  /** The scores of one {@code duplicates} call. */
  record Result(double threshold, double seconds, int groups, int crossSplit, PairScore exact, PairScore near,
      PairScore all, Map<DuplicateSet.Kind, Double> recallByKind, double lookalikesGrouped, Set<Long> found) {}

  public void run(Path dir, int bases, long seed, boolean json) throws IOException {
    long start = System.nanoTime();
    DuplicateSet set = DuplicateSet.generate(bases, seed);
    double generated = (System.nanoTime() - start) / 1e9;
    Set<Long> truthAll = set.duplicatePairs();
    Set<Long> truthExact = set.exactPairs();
    Path wsDir = dir.resolve("ws");
    ImportBenchmark.deleteTree(wsDir);
    List<Result> results = new ArrayList<>();
    try (Workspace ws = Workspace.open(wsDir)) {
      ws.datasets().create(NewDataset.of(DATASET, Task.DETECT, List.of("object")));
      List<String> hashes = GeneratedImages.add(ws, DATASET, set.items().stream().map(DuplicateSet.Item::image).toList());
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < hashes.size(); i++) {
        index.put(hashes.get(i), i);
      }
      List<Double> order = new ArrayList<>();
      order.add(DuplicateFinder.DEFAULT_THRESHOLD);
      for (double t : THRESHOLDS) {
        if (t != DuplicateFinder.DEFAULT_THRESHOLD) {
          order.add(t);
        }
      }
      for (double t : order) {
        List<List<DuplicateGroup>> groups = new ArrayList<>();
        double ms = Stopwatch.once(() -> groups.add(ws.insight().duplicates(DATASET, t, TaskMonitor.NONE)));
        results.add(score(set, index, groups.get(0), t, ms / 1000, truthAll, truthExact));
      }
    }
    if (json) {
      printJson(set, bases, truthAll, truthExact, results);
      return;
    }
    Map<DuplicateSet.Kind, Integer> kinds = new EnumMap<>(DuplicateSet.Kind.class);
    set.items().forEach(i -> kinds.merge(i.kind(), 1, Integer::sum));
    out.printf("## duplicates benchmark: %,d images from %,d distinct %dx%d pictures (generated in %.1f s): %s%n",
        set.items().size(), bases, DuplicateSet.WIDTH, DuplicateSet.HEIGHT, generated, kinds);
    out.printf("true pairs: %,d duplicate pairs, of which %,d exact (same pixels); %,d look-alike pairs (no copies,"
        + " left out of the scores)%n", truthAll.size(), truthExact.size(), set.lookalikePairs().size());
    out.println("threshold  seconds  groups  cross-split  exact R / P     near R / P      all R / P       look-alikes"
        + " grouped  recall by copy kind");
    for (Result r : results) {
      out.printf("%-9s  %7.2f  %6d  %11d  %.3f / %.3f   %.3f / %.3f   %.3f / %.3f   %18.3f  %s%s%n", r.threshold(),
          r.seconds(), r.groups(), r.crossSplit(), r.exact().recall(), r.exact().precision(), r.near().recall(),
          r.near().precision(), r.all().recall(), r.all().precision(), r.lookalikesGrouped(), r.recallByKind(),
          r.threshold() == DuplicateFinder.DEFAULT_THRESHOLD ? "  (default; first call fingerprints)" : "");
    }
    Result byDefault = results.get(0);
    examples("missed pairs at the default threshold", PairScore.without(truthAll, byDefault.found()), set);
    examples("false pairs at the default threshold (look-alikes left out)",
        PairScore.without(byDefault.found(), truthAll), set);
  }

  private static Result score(DuplicateSet set, Map<String, Integer> index, List<DuplicateGroup> groups, double t,
      double seconds, Set<Long> truthAll, Set<Long> truthExact) {
    List<int[]> exactGroups = new ArrayList<>();
    List<int[]> allGroups = new ArrayList<>();
    int crossSplit = 0;
    for (DuplicateGroup g : groups) {
      int[] members = g.images().stream().map(DuplicateImage::hash).mapToInt(index::get).toArray();
      allGroups.add(members);
      if (g.kind() == DuplicateGroup.Kind.EXACT) {
        exactGroups.add(members);
      }
      crossSplit += g.crossSplit() ? 1 : 0;
    }
    Set<Long> claimed = PairScore.pairs(allGroups);
    Set<Long> found = withoutLookalikes(set, claimed);
    PairScore exact = PairScore.of(truthExact, PairScore.pairs(exactGroups));
    PairScore near = PairScore.of(PairScore.without(truthAll, truthExact), PairScore.without(found, truthExact));
    PairScore all = PairScore.of(truthAll, found);
    Set<Long> lookalikes = set.lookalikePairs();
    double lookalikesGrouped = lookalikes.isEmpty() ? 0 : (double) lookalikes.stream().filter(claimed::contains).count()
        / lookalikes.size();
    return new Result(t, seconds, groups.size(), crossSplit, exact, near, all, recallByKind(set, found),
        lookalikesGrouped, found);
  }

  /** The pairs in which neither image is a look-alike (those are scored apart). */
  private static Set<Long> withoutLookalikes(DuplicateSet set, Set<Long> pairs) {
    Set<Long> out = new java.util.HashSet<>();
    for (long p : pairs) {
      if (set.items().get((int) (p >>> 32)).kind() != DuplicateSet.Kind.LOOKALIKE
          && set.items().get((int) p).kind() != DuplicateSet.Kind.LOOKALIKE) {
        out.add(p);
      }
    }
    return out;
  }

  /** For each kind of copy, the share of copies found paired with their original. */
  static Map<DuplicateSet.Kind, Double> recallByKind(DuplicateSet set, Set<Long> found) {
    Map<DuplicateSet.Kind, int[]> counts = new EnumMap<>(DuplicateSet.Kind.class);
    List<DuplicateSet.Item> items = set.items();
    int original = -1;
    for (int i = 0; i < items.size(); i++) {
      DuplicateSet.Item item = items.get(i);
      if (item.kind() == DuplicateSet.Kind.ORIGINAL) {
        original = i;
        continue;
      }
      if (item.kind() == DuplicateSet.Kind.LOOKALIKE) {
        continue;
      }
      int[] c = counts.computeIfAbsent(item.kind(), k -> new int[2]);
      c[1]++;
      c[0] += found.contains(PairScore.key(original, i)) ? 1 : 0;
    }
    Map<DuplicateSet.Kind, Double> out = new EnumMap<>(DuplicateSet.Kind.class);
    counts.forEach((k, c) -> out.put(k, Math.round(1000.0 * c[0] / c[1]) / 1000.0));
    return out;
  }

  private void examples(String title, Set<Long> pairs, DuplicateSet set) {
    out.printf("%s: %,d%s%n", title, pairs.size(), pairs.isEmpty() ? "" : ", for example:");
    pairs.stream().sorted().limit(EXAMPLES).forEach(p -> out.printf("  %s ~ %s%n",
        set.items().get((int) (p >>> 32)).filename(), set.items().get((int) (long) p).filename()));
  }

  private void printJson(DuplicateSet set, int bases, Set<Long> truthAll, Set<Long> truthExact, List<Result> results) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("images", set.items().size());
    node.put("bases", bases);
    node.put("truePairs", truthAll.size());
    node.put("trueExactPairs", truthExact.size());
    node.put("lookalikePairs", set.lookalikePairs().size());
    node.put("defaultThreshold", DuplicateFinder.DEFAULT_THRESHOLD);
    ArrayNode list = node.putArray("thresholds");
    for (Result r : results) {
      ObjectNode o = list.addObject();
      o.put("threshold", r.threshold());
      o.put("seconds", r.seconds());
      o.put("groups", r.groups());
      o.put("crossSplitGroups", r.crossSplit());
      for (Map.Entry<String, PairScore> e : Map.of("exact", r.exact(), "near", r.near(), "all", r.all()).entrySet()) {
        ObjectNode s = o.putObject(e.getKey());
        s.put("recall", e.getValue().recall());
        s.put("precision", e.getValue().precision());
        s.put("truePairs", e.getValue().truePairs());
        s.put("foundPairs", e.getValue().foundPairs());
      }
      o.put("lookalikesGrouped", r.lookalikesGrouped());
      ObjectNode kinds = o.putObject("recallByKind");
      r.recallByKind().forEach((k, v) -> kinds.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    }
    out.println(node);
  }
}
