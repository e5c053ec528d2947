package dev.loupe.core.formats.ndjson;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A minimal in-memory export source for format tests. */
public final class ListExportSource implements ExportSource {
  public static final Instant CREATED = Instant.parse("2025-01-02T03:04:05Z");

  private final Dataset dataset;
  private final List<ExportItem> items = new ArrayList<>();

  public ListExportSource(Dataset dataset) {
    this.dataset = dataset;
  }

  public static Dataset dataset(Task task, List<String> names, KptShape kptShape, List<Integer> flipIdx,
      Map<String, Object> extra) {
    return new Dataset("ds_test", "test", "test set", "made in a test", task, names, Visibility.PRIVATE,
        kptShape, flipIdx, extra, CREATED, CREATED, 1);
  }

  /** Adds an image with a fake hash; {@code file} may be null (only a URL known). */
  public ListExportSource add(String name, Split split, int width, int height, long size, Path file,
      String url, List<Label> labels) {
    ImageRecord record = new ImageRecord("sha256-" + name, name, width, height, size, split,
        labels.size(), false, null, url, CREATED, CREATED, 1);
    items.add(new ExportItem(record, labels, file));
    return this;
  }

  @Override
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public long imageCount() {
    return items.size();
  }

  @Override
  public void forEach(Consumer<ExportItem> out, TaskMonitor monitor) {
    items.forEach(out);
  }
}
