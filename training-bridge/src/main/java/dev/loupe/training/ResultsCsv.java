package dev.loupe.training;

import dev.loupe.core.workspace.TrainingEpoch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the {@code results.csv} a training writes, one row per epoch, while it grows. Columns are
 * found by their header names, trimmed (older Ultralytics versions pad headers and values with
 * spaces), so every task's variant reads alike: detect {@code metrics/mAP50(B)}, segment adds
 * {@code (M)} columns, pose {@code (P)}, classify {@code metrics/accuracy_top1}, some versions a
 * {@code fitness} column. A last line without its newline is still being written: it is read when it
 * is complete. Each {@link #poll()} reads only the bytes added since the last (a tail by offset); a
 * file that became shorter was written anew and is read again from its start.
 */
public final class ResultsCsv {
  private final Path file;
  private long offset;
  private List<String> columns;
  private final StringBuilder partial = new StringBuilder();

  public ResultsCsv(Path file) {
    this.file = file;
  }

  /** Every complete row of a whole file's text. */
  public static List<TrainingEpoch> parse(String text) {
    ResultsCsv csv = new ResultsCsv(null);
    return csv.consume(text);
  }

  /** The header's column names, trimmed; empty before the header is complete. */
  public List<String> columns() {
    return columns == null ? List.of() : List.copyOf(columns);
  }

  /**
   * The rows completed since the last call; none while the file does not exist yet.
   *
   * @throws IOException when the file cannot be read
   */
  public List<TrainingEpoch> poll() throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    if (size < offset) {
      offset = 0;
      columns = null;
      partial.setLength(0);
    }
    if (size == offset) {
      return List.of();
    }
    byte[] added;
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(offset);
      added = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
    }
    // a UTF-8 sequence cut at the end stays for the next poll
    int usable = completeUtf8(added);
    offset += usable;
    return consume(new String(added, 0, usable, StandardCharsets.UTF_8));
  }

  private List<TrainingEpoch> consume(String text) {
    partial.append(text);
    List<TrainingEpoch> rows = new ArrayList<>();
    int start = 0;
    int nl;
    while ((nl = partial.indexOf("\n", start)) >= 0) {
      String line = partial.substring(start, nl).strip();
      start = nl + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (columns == null) {
        columns = new ArrayList<>();
        for (String name : line.split(",", -1)) {
          columns.add(name.strip());
        }
        continue;
      }
      TrainingEpoch row = row(line);
      if (row != null) {
        rows.add(row);
      }
    }
    partial.delete(0, start);
    return rows;
  }

  /** A row, or null for one that does not fit the header (too few fields, no epoch). */
  private TrainingEpoch row(String line) {
    String[] fields = line.split(",", -1);
    if (fields.length < columns.size()) {
      return null;
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      Double value = number(fields[i].strip());
      if (value != null && !columns.get(i).isEmpty()) {
        values.put(columns.get(i), value);
      }
    }
    Double epoch = values.remove("epoch");
    if (epoch == null) {
      return null;
    }
    return new TrainingEpoch((int) Math.round(epoch), values);
  }

  private static Double number(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int completeUtf8(byte[] bytes) {
    int end = bytes.length;
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    int lead = end - back - 1;
    if (lead < 0 || (bytes[lead] & 0x80) == 0) {
      return end;
    }
    int length = (bytes[lead] & 0xE0) == 0xC0 ? 2 : (bytes[lead] & 0xF0) == 0xE0 ? 3 : 4;
    return back + 1 >= length ? end : lead;
  }
}
