package dev.loupe.app.gui.explorer;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the dataset says of each image now, for colouring the map: its file name, split, label count
 * and rarest class. The rarest class of an image is, among the classes of its labels, the one held by
 * the fewest images of the dataset (ties: the lower id), so a rare class stays visible in a crowd of
 * common ones. Read through the images API in pages (one pass over all images, then one per class,
 * rarest first); run it off the FX thread.
 */
public final class ImageFacts {
  private static final int PAGE = ImageQuery.MAX_LIMIT;

  /** One image: {@code rarestClass} is -1 when it has no labels. */
  public record Fact(String filename, Split split, int labelCount, int rarestClass) {}

  private ImageFacts() {}

  /** The facts of every image of {@code datasetId}, by hash. */
  public static Map<String, Fact> read(Workspace workspace, String datasetId, TaskMonitor monitor) {
    Map<String, ImageRecord> records = new HashMap<>();
    long total = workspace.images().counts(datasetId).images();
    each(workspace, datasetId, ImageQuery.all(), monitor, r -> records.put(r.hash(), r), total,
        Messages.text("explorer.task.reading"));
    Map<String, Integer> rarest = new HashMap<>();
    List<ClassStats.ClassCount> classes = new ArrayList<>(workspace.classStats().get(datasetId).classes());
    classes.removeIf(c -> c.imageCount() == 0);
    classes.sort(Comparator.comparingLong(ClassStats.ClassCount::imageCount)
        .thenComparingInt(ClassStats.ClassCount::classId));
    for (ClassStats.ClassCount c : classes) {
      each(workspace, datasetId, ImageQuery.all().withClassIds(Set.of(c.classId())), monitor,
          r -> rarest.putIfAbsent(r.hash(), c.classId()), c.imageCount(), Messages.text("explorer.task.classes"));
    }
    Map<String, Fact> facts = new HashMap<>(records.size() * 2);
    records.forEach((hash, r) -> facts.put(hash,
        new Fact(r.filename(), r.split(), r.labelCount(), rarest.getOrDefault(hash, -1))));
    return facts;
  }

  private static void each(
      Workspace workspace, String datasetId, ImageQuery query, TaskMonitor monitor, Consumer<ImageRecord> sink,
      long total, String message) {
    ImageQuery q = query.withPage(0, PAGE);
    long done = 0;
    while (true) {
      monitor.checkCancelled();
      ImagePage page = workspace.images().list(datasetId, q);
      page.images().forEach(sink);
      done += page.images().size();
      monitor.progress(done, Math.max(done, total), message);
      if (page.nextCursor() == null || page.images().isEmpty()) {
        return;
      }
      q = q.withCursor(page.nextCursor());
    }
  }
}
