package dev.loupe.core.formats.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.formats.ndjson.ExportFolder;
import dev.loupe.core.task.TaskMonitor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes COCO JSON: a folder (or {@code .zip}) with {@code annotations/instances_<split>.json} per
 * split and {@code images/<split>/<file>}, or, for a target ending in {@code .json}, one file for all
 * images. Category ids are 1-based and contiguous; geometry is in absolute pixels.
 */
public final class CocoWriter implements DatasetWriter {
  private final ObjectMapper mapper = new ObjectMapper();

  @Override
  public String formatName() {
    return "coco";
  }

  @Override
  public long write(ExportSource source, Path target, TaskMonitor monitor) throws IOException {
    Dataset ds = source.dataset();
    boolean single = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Map<Split, List<ExportItem>> bySplit = new EnumMap<>(Split.class);
    long total = source.imageCount();
    long[] done = {0};
    try (ExportFolder folder = single ? null : ExportFolder.open(target)) {
      source.forEach(item -> {
        if (done[0]++ % 1000 == 0) {
          monitor.checkCancelled();
          monitor.progress(done[0] - 1, total, "Writing COCO");
        }
        ImageRecord r = item.image();
        String name = r.filename();
        try {
          if (folder != null) {
            name = item.imageFile() != null && Files.isRegularFile(item.imageFile())
                ? folder.copyImage(r.split(), r.filename(), item.imageFile())
                : folder.uniqueName(r.split(), r.filename());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        Split key = single ? Split.TRAIN : r.split();
        ImageRecord renamed = new ImageRecord(r.hash(), name, r.width(), r.height(), r.size(), r.split(),
            r.labelCount(), r.hasError(), r.errorReason(), r.url(), r.createdAt(), r.updatedAt(), r.revision());
        bySplit.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new ExportItem(renamed, item.labels(), item.imageFile()));
      }, monitor);
      if (single) {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
          writeJson(ds, bySplit.getOrDefault(Split.TRAIN, List.of()), out);
        }
      } else {
        for (Map.Entry<Split, List<ExportItem>> e : bySplit.entrySet()) {
          String path = "annotations/instances_" + e.getKey().apiName() + ".json";
          try (OutputStream out = new BufferedOutputStream(folder.open(path), 1 << 16)) {
            writeJson(ds, e.getValue(), out);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    monitor.progress(done[0], total, "Wrote COCO");
    return done[0];
  }

  private void writeJson(Dataset ds, List<ExportItem> items, OutputStream out) throws IOException {
    JsonGenerator gen = mapper.getFactory().createGenerator(out);
    gen.writeStartObject();
    gen.writeObjectFieldStart("info");
    gen.writeStringField("description", ds.name() == null ? "" : ds.name());
    gen.writeStringField("version", "1.0");
    gen.writeStringField("date_created", ds.updatedAt() == null ? "" : ds.updatedAt().toString());
    gen.writeEndObject();
    gen.writeArrayFieldStart("licenses");
    gen.writeEndArray();
    CocoAnnotationWriter annotations = new CocoAnnotationWriter(ds);
    annotations.writeCategories(gen);
    gen.writeArrayFieldStart("images");
    for (int i = 0; i < items.size(); i++) {
      ImageRecord r = items.get(i).image();
      gen.writeStartObject();
      gen.writeNumberField("id", i + 1);
      gen.writeStringField("file_name", r.filename());
      gen.writeNumberField("width", r.width());
      gen.writeNumberField("height", r.height());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("annotations");
    for (int i = 0; i < items.size(); i++) {
      annotations.write(gen, i + 1, items.get(i));
    }
    gen.writeEndArray();
    gen.writeEndObject();
    gen.flush();
  }
}
