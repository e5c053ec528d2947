package dev.loupe.core.formats.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The first line of an Ultralytics NDJSON file: {@code {"type":"dataset","task":...,"class_names":...}}.
 *
 * @param spec the dataset facts; header keys that Loupe does not interpret go to {@code spec.extra()}
 * @param version the stated version as text ({@code "1"}, {@code "latest"}), or null
 * @param url the dataset's platform address, or null
 */
public record NdjsonHeader(DatasetSpec spec, String version, String url) {
  /** Header keys that are NDJSON's own, never copied to {@link DatasetSpec#extra()}. */
  static final Set<String> OWN_KEYS =
      Set.of(
          "type", "task", "name", "description", "class_names", "bytes", "url", "version",
          "created_at", "updated_at", "kpt_shape", "flip_idx");

  /**
   * Parses a header line.
   *
   * @throws IOException when the line is not a dataset header (the file is not NDJSON)
   */
  public static NdjsonHeader parse(String line, ObjectMapper mapper) throws IOException {
    JsonNode root;
    try {
      root = mapper.readTree(stripBom(line));
    } catch (IOException e) {
      throw new IOException("first line is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !"dataset".equals(root.path("type").asText())) {
      throw new IOException("first line is not an NDJSON dataset header ({\"type\":\"dataset\",...})");
    }
    Task task;
    try {
      task = Task.parse(root.path("task").asText(null));
    } catch (IllegalArgumentException e) {
      throw new IOException("NDJSON header: " + e.getMessage(), e);
    }
    List<String> names = classNames(root.get("class_names"));
    KptShape kptShape = null;
    JsonNode ks = root.get("kpt_shape");
    if (ks != null && ks.isArray() && ks.size() == 2) {
      try {
        kptShape = new KptShape(ks.get(0).asInt(), ks.get(1).asInt());
      } catch (IllegalArgumentException e) {
        throw new IOException("NDJSON header: " + e.getMessage(), e);
      }
    }
    if (task == Task.POSE && kptShape == null) {
      throw new IOException("NDJSON header: a pose dataset needs kpt_shape [K, 2|3]");
    }
    List<Integer> flipIdx = null;
    JsonNode fi = root.get("flip_idx");
    if (fi != null && fi.isArray()) {
      flipIdx = new ArrayList<>();
      for (JsonNode n : fi) {
        flipIdx.add(n.asInt());
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!OWN_KEYS.contains(e.getKey())) {
        extra.put(e.getKey(), mapper.convertValue(e.getValue(), Object.class));
      }
    }
    DatasetSpec spec =
        new DatasetSpec(
            textOrNull(root.get("name")),
            textOrNull(root.get("description")),
            task,
            names,
            kptShape,
            flipIdx,
            extra);
    return new NdjsonHeader(spec, textOrNull(root.get("version")), textOrNull(root.get("url")));
  }

  /** {@code class_names} as a dict with string keys (gaps filled with {@code class_<i>}) or a list. */
  static List<String> classNames(JsonNode node) throws IOException {
    List<String> names = new ArrayList<>();
    if (node == null || node.isNull()) {
      return names;
    }
    if (node.isArray()) {
      node.forEach(n -> names.add(n.asText()));
      return names;
    }
    if (!node.isObject()) {
      throw new IOException("NDJSON header: class_names must be a dict or a list");
    }
    TreeMap<Integer, String> byId = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      int id;
      try {
        id = Integer.parseInt(e.getKey().trim());
      } catch (NumberFormatException ex) {
        throw new IOException("NDJSON header: class id '" + e.getKey() + "' is not a number", ex);
      }
      if (id < 0 || id > 100_000) {
        throw new IOException("NDJSON header: class id " + id + " out of range");
      }
      byId.put(id, e.getValue().asText());
    }
    int n = byId.isEmpty() ? 0 : byId.lastKey() + 1;
    for (int i = 0; i < n; i++) {
      names.add(byId.getOrDefault(i, "class_" + i));
    }
    return names;
  }

  static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
