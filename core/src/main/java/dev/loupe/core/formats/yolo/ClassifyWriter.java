package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an Ultralytics classify dataset: {@code <split>/<class>/<image>}. Every class gets a train
 * folder, even an empty one, so that class ids (the sorted folder names) survive. Images without a
 * class, or without bytes at hand, are not written and are counted.
 */
public final class ClassifyWriter implements DatasetWriter {
  private long skipped;

  @Override
  public String formatName() {
    return "classify";
  }

  /** Images of the last export left out: no class label, or no image file. */
  public long skippedCount() {
    return skipped;
  }

  @Override
  public long write(ExportSource source, Path target, TaskMonitor monitor) throws IOException {
    Dataset dataset = source.dataset();
    List<String> folders = dataset.classNames().stream().map(ClassifyWriter::folderName).toList();
    long total = source.imageCount();
    long[] counts = new long[3]; // done, written, skipped
    ExportNames names = new ExportNames();
    try (ExportTarget out = ExportTarget.open(target)) {
      for (String folder : folders) {
        out.folder("train/" + folder);
      }
      try {
        source.forEach(
            item -> {
              monitor.checkCancelled();
              write(out, names, folders, item, counts);
              monitor.progress(++counts[0], total, "Exported " + item.image().filename());
            },
            monitor);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      out.commit();
    }
    skipped = counts[2];
    return counts[1];
  }

  private static void write(
      ExportTarget out, ExportNames names, List<String> folders, ExportItem item, long[] counts) {
    int classId = -1;
    for (Label label : item.labels()) {
      if (label instanceof ClassLabel c) {
        classId = c.classId();
        break;
      }
    }
    if (classId < 0 || classId >= folders.size() || item.imageFile() == null
        || !Files.isRegularFile(item.imageFile())) {
      counts[2]++;
      return;
    }
    Split split = item.image().split() == null ? Split.TRAIN : item.image().split();
    String folder = split.apiName() + "/" + folders.get(classId);
    String file = names.unique(folder, item.image().filename(), item.image().hash());
    try {
      out.copy(folder + "/" + file, item.imageFile());
      counts[1]++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class name usable as a folder name on every system. */
  static String folderName(String className) {
    String s = className.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").strip();
    return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
  }
}
