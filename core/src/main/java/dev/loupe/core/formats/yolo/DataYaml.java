package dev.loupe.core.formats.yolo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An Ultralytics data.yaml as Loupe reads it. Follows Ultralytics' own rules (check_det_dataset):
 * {@code validation} is {@code val}; a {@code ../} path that does not exist is retried without it;
 * names as a list, a map with int or string keys, or only {@code nc}. A {@code path} that does not
 * exist here (written on another machine, or relative to Ultralytics' datasets folder) falls back to
 * the yaml's own folder.
 *
 * @param splits each split's entries as written (folders, .txt lists or images)
 * @param names class names, empty when the yaml has neither {@code names} nor {@code nc}
 * @param extra every key Loupe does not interpret, in file order
 * @param notes dataset-level problems (nc/names mismatch, bad kpt_shape...)
 */
record DataYaml(
    Path file,
    Path root,
    Map<Split, List<String>> splits,
    List<String> names,
    KptShape kptShape,
    List<Integer> flipIdx,
    Map<String, Object> extra,
    List<String> notes) {

  private static final Set<String> INTERPRETED =
      Set.of("path", "train", "val", "validation", "test", "nc", "names", "kpt_shape", "flip_idx");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static DataYaml read(Path file) throws IOException {
    JsonNode doc;
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      doc = YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file.getFileName() + " is not a readable YAML file: " + e.getMessage(), e);
    }
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException(file.getFileName() + " is not a YOLO data.yaml (no keys)");
    }
    if (!doc.has("train") && !doc.has("names") && !doc.has("nc") && !doc.has("val")) {
      throw new IllegalArgumentException(
          file.getFileName() + " is not a YOLO data.yaml: it has none of train, val, names, nc");
    }
    List<String> notes = new ArrayList<>();
    Path yamlDir = file.toAbsolutePath().getParent();
    Path root = root(yamlDir, text(doc.get("path")));
    Map<Split, List<String>> splits = new EnumMap<>(Split.class);
    for (String key : List.of("train", "val", "validation", "test")) {
      List<String> entries = entries(doc.get(key));
      if (!entries.isEmpty()) {
        splits.computeIfAbsent(Split.parse(key), s -> new ArrayList<>()).addAll(entries);
      }
    }
    List<String> names = names(doc.get("names"), doc.get("nc"), notes);
    KptShape kpt = kptShape(doc.get("kpt_shape"), notes);
    List<Integer> flip = flipIdx(doc.get("flip_idx"), kpt, notes);
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!INTERPRETED.contains(e.getKey())) {
        extra.put(e.getKey(), YAML.convertValue(e.getValue(), Object.class));
      }
    }
    return new DataYaml(file, root, splits, names, kpt, flip, extra, notes);
  }

  private static Path root(Path yamlDir, String path) {
    if (path == null || path.isBlank()) {
      return yamlDir;
    }
    try {
      Path p = yamlDir.resolve(path.trim()).normalize();
      return Files.isDirectory(p) ? p : yamlDir;
    } catch (java.nio.file.InvalidPathException e) {
      return yamlDir;
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static List<String> entries(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node == null || node.isNull()) {
      return list;
    }
    if (node.isArray()) {
      node.forEach(n -> list.addAll(entries(n)));
    } else if (!node.asText().isBlank()) {
      list.add(node.asText().trim());
    }
    return list;
  }

  private static List<String> names(JsonNode node, JsonNode ncNode, List<String> notes) {
    List<String> names = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> names.add(n.asText()));
    } else if (node != null && node.isObject()) {
      TreeMap<Integer, String> byId = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        try {
          byId.put(Integer.parseInt(e.getKey().trim()), e.getValue().asText());
        } catch (NumberFormatException ex) {
          notes.add("names key '" + e.getKey() + "' is not a class id (ignored)");
        }
      }
      int max = byId.isEmpty() ? -1 : byId.lastKey();
      for (int i = 0; i <= max; i++) {
        String name = byId.get(i);
        if (name == null) {
          notes.add("names has no class " + i + " (named class_" + i + ")");
          name = "class_" + i;
        }
        names.add(name);
      }
    }
    if (ncNode != null && ncNode.canConvertToInt()) {
      int nc = ncNode.asInt();
      if (names.isEmpty()) {
        for (int i = 0; i < nc; i++) {
          names.add("class_" + i);
        }
      } else if (nc != names.size()) {
        notes.add("nc is " + nc + " but names has " + names.size() + " entries (names used)");
      }
    }
    return names;
  }

  private static KptShape kptShape(JsonNode node, List<String> notes) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray() && node.size() == 2 && node.get(0).canConvertToInt()
        && node.get(1).canConvertToInt()) {
      try {
        return new KptShape(node.get(0).asInt(), node.get(1).asInt());
      } catch (IllegalArgumentException e) {
        notes.add(e.getMessage());
        return null;
      }
    }
    notes.add("kpt_shape " + node + " is not [keypoints, 2 or 3] (ignored)");
    return null;
  }

  private static List<Integer> flipIdx(JsonNode node, KptShape kpt, List<String> notes) {
    if (node == null || !node.isArray()) {
      return null;
    }
    List<Integer> flip = new ArrayList<>();
    node.forEach(n -> flip.add(n.asInt()));
    if (kpt != null && flip.size() != kpt.keypoints()) {
      notes.add("flip_idx has " + flip.size() + " entries for " + kpt.keypoints() + " keypoints");
    }
    return flip;
  }
}
