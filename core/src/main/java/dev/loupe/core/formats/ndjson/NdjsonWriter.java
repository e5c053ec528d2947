package dev.loupe.core.formats.ndjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.task.TaskMonitor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a dataset as Ultralytics NDJSON: the header line, then one line per image with its labels as
 * full YOLO rows. A target ending in {@code .ndjson}/{@code .jsonl} gets just that file; a folder gets
 * {@code dataset.ndjson} plus {@code images/<split>/<file>}; a {@code .zip} the same inside a zip.
 */
public final class NdjsonWriter implements DatasetWriter {
  private static final int PROGRESS_EVERY = 1000;

  private final boolean includeHash;
  private final int version;
  private final ObjectMapper mapper = new ObjectMapper();

  /** The plain export: no hashes, version 1. */
  public NdjsonWriter() {
    this(false, 1);
  }

  /** @param includeHash whether each image line carries {@code "hash"} (Loupe's version snapshots) */
  public NdjsonWriter(boolean includeHash) {
    this(includeHash, 1);
  }

  public NdjsonWriter(boolean includeHash, int version) {
    this.includeHash = includeHash;
    this.version = version;
  }

  @Override
  public String formatName() {
    return "ndjson";
  }

  @Override
  public long write(ExportSource source, Path target, TaskMonitor monitor) throws IOException {
    Path lines = Files.createTempFile("loupe-ndjson-", ".part");
    try {
      if (isNdjsonName(target)) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Totals totals = writeImageLines(source, lines, null, monitor);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
          writeHeaderAndLines(source.dataset(), totals.bytes, lines, out);
        }
        return totals.images;
      }
      try (ExportFolder folder = ExportFolder.open(target)) {
        Totals totals = writeImageLines(source, lines, folder, monitor);
        try (OutputStream out = new BufferedOutputStream(folder.open("dataset.ndjson"), 1 << 16)) {
          writeHeaderAndLines(source.dataset(), totals.bytes, lines, out);
        }
        return totals.images;
      }
    } finally {
      Files.deleteIfExists(lines);
    }
  }

  private static final class Totals {
    long images;
    long bytes;
  }

  private Totals writeImageLines(ExportSource source, Path file, ExportFolder folder, TaskMonitor monitor)
      throws IOException {
    Totals totals = new Totals();
    Task task = source.dataset().task();
    long total = source.imageCount();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
      gen.setRootValueSeparator(new SerializedString("\n"));
      source.forEach(
          item -> {
            if (totals.images % PROGRESS_EVERY == 0) {
              monitor.checkCancelled();
              monitor.progress(totals.images, total, "Writing NDJSON");
            }
            try {
              String name = placeImage(item, folder);
              writeImageLine(gen, task, item, name);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            totals.images++;
            totals.bytes += Math.max(0, item.image().size());
          },
          monitor);
      if (totals.images > 0) {
        gen.writeRaw('\n');
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    monitor.progress(totals.images, total, "Wrote NDJSON");
    return totals;
  }

  private static String placeImage(ExportItem item, ExportFolder folder) throws IOException {
    ImageRecord image = item.image();
    if (folder == null) {
      return image.filename();
    }
    if (item.imageFile() != null && Files.isRegularFile(item.imageFile())) {
      return folder.copyImage(image.split(), image.filename(), item.imageFile());
    }
    return folder.uniqueName(image.split(), image.filename());
  }

  private void writeImageLine(JsonGenerator gen, Task task, ExportItem item, String fileName)
      throws IOException {
    ImageRecord image = item.image();
    gen.writeStartObject();
    gen.writeStringField("type", "image");
    gen.writeStringField("file", fileName);
    if (image.url() != null) {
      gen.writeStringField("url", image.url());
    }
    gen.writeNumberField("width", image.width());
    gen.writeNumberField("height", image.height());
    gen.writeStringField("split", image.split().apiName());
    if (includeHash && image.hash() != null) {
      gen.writeStringField("hash", image.hash());
    }
    writeAnnotations(gen, task, item);
    gen.writeEndObject();
  }

  private static void writeAnnotations(JsonGenerator gen, Task task, ExportItem item) throws IOException {
    if (task == Task.CLASSIFY) {
      for (Label label : item.labels()) {
        if (label instanceof ClassLabel c) {
          gen.writeObjectFieldStart("annotations");
          gen.writeArrayFieldStart("classification");
          gen.writeNumber(c.classId());
          gen.writeEndArray();
          gen.writeEndObject();
          return;
        }
      }
      return;
    }
    boolean started = false;
    for (Label label : item.labels()) {
      if (label instanceof ClassLabel) {
        continue;
      }
      if (!started) {
        gen.writeObjectFieldStart("annotations");
        gen.writeArrayFieldStart(rowKey(task));
        started = true;
      }
      gen.writeStartArray();
      gen.writeNumber(label.classId());
      for (double d : YoloRows.values(label)) {
        writeNumber(gen, d);
      }
      gen.writeEndArray();
    }
    if (started) {
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }

  /** Whole numbers as JSON integers (as the Platform writes them), others in Java's round-trip form. */
  static void writeNumber(JsonGenerator gen, double d) throws IOException {
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
      gen.writeNumber((long) d);
    } else {
      gen.writeNumber(d);
    }
  }

  static String rowKey(Task task) {
    return switch (task) {
      case SEGMENT -> "segments";
      case POSE -> "pose";
      case OBB -> "obb";
      default -> "boxes";
    };
  }

  private void writeHeaderAndLines(Dataset ds, long bytes, Path lines, OutputStream out)
      throws IOException {
    JsonGenerator gen = mapper.getFactory().createGenerator(out);
    gen.writeStartObject();
    gen.writeStringField("type", "dataset");
    gen.writeStringField("task", ds.task().apiName());
    gen.writeStringField("name", ds.name() == null ? "" : ds.name());
    gen.writeStringField("description", ds.description() == null ? "" : ds.description());
    gen.writeObjectFieldStart("class_names");
    for (int i = 0; i < ds.classNames().size(); i++) {
      gen.writeStringField(Integer.toString(i), ds.classNames().get(i));
    }
    gen.writeEndObject();
    if (ds.task() == Task.POSE && ds.kptShape() != null) {
      gen.writeFieldName("kpt_shape");
      gen.writeObject(ds.kptShape().asList());
      if (ds.flipIdx() != null) {
        gen.writeFieldName("flip_idx");
        gen.writeObject(ds.flipIdx());
      }
    }
    for (Map.Entry<String, Object> e : ds.extra().entrySet()) {
      if (!NdjsonHeader.OWN_KEYS.contains(e.getKey())) {
        gen.writeFieldName(e.getKey());
        gen.writeObject(e.getValue());
      }
    }
    gen.writeNumberField("bytes", bytes);
    gen.writeNumberField("version", version);
    Instant now = Instant.now();
    gen.writeStringField("created_at", (ds.createdAt() == null ? now : ds.createdAt()).toString());
    gen.writeStringField("updated_at", (ds.updatedAt() == null ? now : ds.updatedAt()).toString());
    gen.writeEndObject();
    gen.flush();
    out.write('\n');
    Files.copy(lines, out);
  }

  static boolean isNdjsonName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }
}
