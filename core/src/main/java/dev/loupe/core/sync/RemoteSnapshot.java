package dev.loupe.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.formats.ndjson.NdjsonHeader;
import dev.loupe.core.formats.ndjson.NdjsonReader;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ContentStore;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A remote dataset as one NDJSON export shows it: the header (task, classes) and every image record
 * by its remote name. Copes with what real exports do: {@code "version"} as text or number, integer
 * coordinates, image records without {@code annotations}. Labels are read by Loupe's NDJSON reader
 * (each record renamed to its position first, so each label list is matched to its record).
 */
final class RemoteSnapshot {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final NdjsonHeader header;
  private final String headerLine;
  private final Map<String, RemoteRecord> records;
  private final Map<String, JsonNode> raw;
  private final String fingerprint;

  private RemoteSnapshot(
      NdjsonHeader header, String headerLine, Map<String, RemoteRecord> records, Map<String, JsonNode> raw,
      String fingerprint) {
    this.header = header;
    this.headerLine = headerLine;
    this.records = records;
    this.raw = raw;
    this.fingerprint = fingerprint;
  }

  /** Reads an export file; {@code scratch} is an empty folder for the renamed copy. */
  static RemoteSnapshot read(Path export, Path scratch, TaskMonitor monitor) throws IOException {
    List<String[]> kept = new ArrayList<>(); // name, sha256, file, url
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    Path renamed = scratch.resolve("records.ndjson");
    String headerLine;
    try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(renamed, StandardCharsets.UTF_8)) {
      headerLine = in.readLine();
      if (headerLine == null) {
        throw new IOException("the remote export is empty");
      }
      out.write(headerLine);
      out.newLine();
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode node = parse(line);
        if (node == null || !"image".equals(node.path("type").asText()) || node.path("file").asText("").isBlank()) {
          continue; // the reader reports the same lines as bad records
        }
        String file = node.get("file").asText();
        String url = node.hasNonNull("url") ? node.get("url").asText() : null;
        String hash = node.hasNonNull("hash") ? node.get("hash").asText().toLowerCase(java.util.Locale.ROOT) : null;
        String split = node.path("split").asText("train");
        String name = hash != null ? hash : urlName(url);
        if (name == null) {
          name = "file:" + split + "/" + file;
        }
        if (raw.containsKey(name)) {
          continue; // the same image twice: the first record wins
        }
        int index = kept.size();
        kept.add(new String[] {name, hash != null && SHA256.matcher(hash).matches() ? hash : null, file, url});
        raw.put(name, node);
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.put("file", "r" + index + ".img");
        copy.remove("url"); // the reader must not look for the image; it needs only the labels
        out.write(MAPPER.writeValueAsString(copy));
        out.newLine();
      }
    }
    NdjsonReader reader = new NdjsonReader();
    ImportReport report = new ImportReport();
    NdjsonHeader header = reader.readHeader(renamed);
    DatasetSpec spec = header.spec();
    Map<String, RemoteRecord> records = new LinkedHashMap<>();
    reader.readItems(
        renamed, spec, report,
        item -> {
          int index = Integer.parseInt(item.filename().substring(1, item.filename().length() - 4));
          String[] k = kept.get(index);
          JsonNode node = raw.get(k[0]);
          records.put(k[0], record(k, node, item, spec.classNames()));
        },
        monitor);
    return new RemoteSnapshot(header, headerLine, records, raw, ContentStore.sha256(export));
  }

  private static RemoteRecord record(String[] k, JsonNode node, ImportItem item, List<String> classNames) {
    List<String> problems = item.problems().stream().filter(p -> !p.contains("is absent and has no url")).toList();
    return new RemoteRecord(
        k[0], k[1], k[2], k[3], node.path("width").asInt(0), node.path("height").asInt(0), item.split(),
        item.labels(), problems, LabelFingerprint.of(item.split(), item.labels(), classNames));
  }

  private static JsonNode parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The last path segment of a URL without its extension and query, or null. */
  static String urlName(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String path = url.replaceFirst("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    String name = dot > 0 ? last.substring(0, dot) : last;
    return name.isEmpty() ? null : name;
  }

  NdjsonHeader header() {
    return header;
  }

  /** The export's first line, as written. */
  String headerLine() {
    return headerLine;
  }

  /** The records by remote name, in export order. */
  Map<String, RemoteRecord> records() {
    return records;
  }

  /** A record's JSON as the export had it. */
  JsonNode raw(String name) {
    return raw.get(name);
  }

  /** The sha-256 of the export file: equal exports, equal fingerprints. */
  String fingerprint() {
    return fingerprint;
  }
}
