package dev.loupe.core.formats.coco;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of one COCO JSON file Loupe uses, read with a streaming parser so that only compact
 * records (not a tree of the whole file) stay in memory. Unknown top-level keys, null info and
 * licenses are skipped.
 */
record CocoFile(List<Category> categories, List<Image> images, List<Annotation> annotations) {
  record Category(long id, String name, List<String> keypoints) {}

  record Image(long id, String fileName, int width, int height) {}

  /**
   * @param polygons polygon parts in pixels (empty when none or RLE)
   * @param keypoints x y v triples in pixels, or null
   */
  record Annotation(long id, long imageId, long categoryId, double[] bbox, boolean crowd,
      List<double[]> polygons, double[] keypoints) {}

  static CocoFile read(Path file, ObjectMapper mapper) throws IOException {
    List<Category> categories = new ArrayList<>();
    List<Image> images = new ArrayList<>();
    List<Annotation> annotations = new ArrayList<>();
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file);
        JsonParser p = mapper.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(file + " is not a COCO JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY && key.equals("categories")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            categories.add(category(mapper.readTree(p)));
          }
        } else if (t == JsonToken.START_ARRAY && key.equals("images")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode n = mapper.readTree(p);
            images.add(new Image(n.path("id").asLong(), n.path("file_name").asText(""),
                n.path("width").asInt(0), n.path("height").asInt(0)));
          }
        } else if (t == JsonToken.START_ARRAY && key.equals("annotations")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            annotations.add(annotation(mapper.readTree(p)));
          }
        } else {
          p.skipChildren();
        }
      }
    }
    if (categories.isEmpty() && images.isEmpty()) {
      throw new IOException(file + " has no COCO categories or images");
    }
    return new CocoFile(categories, images, annotations);
  }

  private static Category category(JsonNode n) {
    List<String> kps = null;
    JsonNode k = n.get("keypoints");
    if (k != null && k.isArray() && k.size() > 0) {
      kps = new ArrayList<>();
      for (JsonNode name : k) {
        kps.add(name.asText());
      }
    }
    return new Category(n.path("id").asLong(), n.path("name").asText(""), kps);
  }

  private static Annotation annotation(JsonNode n) {
    double[] bbox = numbers(n.get("bbox"));
    List<double[]> polygons = new ArrayList<>();
    JsonNode seg = n.get("segmentation");
    if (seg != null && seg.isArray()) {
      if (seg.size() > 0 && seg.get(0).isNumber()) {
        polygons.add(numbers(seg));
      } else {
        for (JsonNode part : seg) {
          double[] v = numbers(part);
          if (v != null && v.length > 0) {
            polygons.add(v);
          }
        }
      }
    }
    boolean crowd = n.path("iscrowd").asInt(0) == 1 || (seg != null && seg.isObject());
    return new Annotation(n.path("id").asLong(), n.path("image_id").asLong(), n.path("category_id").asLong(),
        bbox, crowd, polygons, numbers(n.get("keypoints")));
  }

  private static double[] numbers(JsonNode array) {
    if (array == null || !array.isArray()) {
      return null;
    }
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asDouble();
    }
    return v;
  }
}
