package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Writes a detect, segment, pose or obb dataset in the Ultralytics layout: {@code images/<split>/},
 * {@code labels/<split>/<stem>.txt} (empty for a background image) and a data.yaml that
 * {@code yolo train} takes unchanged. To a folder, or to a zip when the target ends in .zip.
 */
public final class YoloWriter implements DatasetWriter {
  private long labelsOnly;

  @Override
  public String formatName() {
    return "yolo";
  }

  /** How many images of the last export had no bytes at hand, so only their label file was written. */
  public long labelsOnlyCount() {
    return labelsOnly;
  }

  @Override
  public long write(ExportSource source, Path target, TaskMonitor monitor) throws IOException {
    Dataset dataset = source.dataset();
    if (dataset.task() == Task.CLASSIFY || dataset.task() == Task.SEMANTIC) {
      throw new IllegalArgumentException(
          "the YOLO writer writes detect, segment, pose and obb; use the classify writer for "
              + dataset.task().apiName());
    }
    long total = source.imageCount();
    long[] counts = new long[3]; // done, images written, labels only
    Set<Split> splits = EnumSet.noneOf(Split.class);
    ExportNames names = new ExportNames();
    try (ExportTarget out = ExportTarget.open(target)) {
      try {
        source.forEach(
            item -> {
              monitor.checkCancelled();
              Split split = item.image().split() == null ? Split.TRAIN : item.image().split();
              splits.add(split);
              writeItem(out, names, split, item, counts);
              counts[0]++;
              monitor.progress(counts[0], total, "Exported " + item.image().filename());
            },
            monitor);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      out.text(
          "data.yaml",
          DataYamlText.of(
              dataset,
              splits.contains(Split.TRAIN),
              splits.contains(Split.VAL),
              splits.contains(Split.TEST)));
      out.commit();
    }
    labelsOnly = counts[2];
    return counts[1];
  }

  private static void writeItem(
      ExportTarget out, ExportNames names, Split split, ExportItem item, long[] counts) {
    String folder = split.apiName();
    String file = names.unique(folder, item.image().filename(), item.image().hash());
    try {
      out.text(
          "labels/" + folder + "/" + ImageFiles.stem(file) + ".txt",
          YoloRows.formatFile(item.labels()));
      if (item.imageFile() != null && Files.isRegularFile(item.imageFile())) {
        out.copy("images/" + folder + "/" + file, item.imageFile());
        counts[1]++;
      } else {
        counts[2]++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
