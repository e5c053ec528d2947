package dev.loupe.core.workspace;

import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.coco.CocoReader;
import dev.loupe.core.formats.coco.CocoWriter;
import dev.loupe.core.formats.ndjson.NdjsonReader;
import dev.loupe.core.formats.ndjson.NdjsonWriter;
import dev.loupe.core.formats.yolo.ClassifyReader;
import dev.loupe.core.formats.yolo.ClassifyWriter;
import dev.loupe.core.formats.yolo.YoloReader;
import dev.loupe.core.formats.yolo.YoloWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The dataset formats Loupe reads and writes, found by name or by looking at the input. */
public final class Formats {
  public static final List<String> READABLE = List.of("ndjson", "coco", "yolo", "classify");
  public static final List<String> WRITABLE = List.of("yolo", "ndjson", "coco", "classify");

  /** The reader for {@code format}, or the first whose {@code accepts} says yes when it is null. */
  public DatasetReader reader(String format, Task forcedTask, Path input) throws IOException {
    if (format != null) {
      return reader(format.toLowerCase(Locale.ROOT), forcedTask);
    }
    for (String name : READABLE) {
      DatasetReader reader;
      try {
        reader = reader(name, forcedTask);
      } catch (IllegalArgumentException e) {
        continue; // this format cannot hold the forced task
      }
      if (reader.accepts(input)) {
        return reader;
      }
    }
    throw new IllegalArgumentException(
        input + " is not a dataset Loupe recognizes: expected a YOLO folder or data.yaml, a classify"
            + " folder (train/<class>/...), an NDJSON file or a COCO JSON with its images");
  }

  private DatasetReader reader(String name, Task forcedTask) {
    return switch (name) {
      case "yolo" -> new YoloReader(forcedTask);
      case "classify" -> new ClassifyReader();
      case "ndjson" -> new NdjsonReader();
      case "coco" -> new CocoReader(forcedTask);
      default -> throw new IllegalArgumentException(
          "unknown format '" + name + "' (readable: " + String.join(", ", READABLE) + ")");
    };
  }

  /** The writer for {@code format}; {@code yolo} of a classify dataset writes the classify layout. */
  public DatasetWriter writer(String format, Task task) {
    String name = format == null ? "yolo" : format.toLowerCase(Locale.ROOT);
    return switch (name) {
      case "yolo" -> task == Task.CLASSIFY ? new ClassifyWriter() : new YoloWriter();
      case "classify" -> new ClassifyWriter();
      case "ndjson" -> new NdjsonWriter(false);
      case "coco" -> new CocoWriter();
      default -> throw new IllegalArgumentException(
          "unknown format '" + name + "' (writable: " + String.join(", ", WRITABLE) + ")");
    };
  }
}
