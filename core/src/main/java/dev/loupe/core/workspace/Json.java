package dev.loupe.core.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JSON conversions for the columns that hold lists and maps. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot store value as JSON: " + e.getMessage(), e);
    }
  }

  static List<String> stringList(String json) {
    return read(json, new TypeReference<List<String>>() {});
  }

  static List<Integer> intList(String json) {
    return json == null ? null : read(json, new TypeReference<List<Integer>>() {});
  }

  static Map<String, Object> map(String json) {
    return json == null ? Map.of() : read(json, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new WorkspaceException("corrupt JSON column: " + e.getMessage(), e);
    }
  }
}
