package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Turns response JSON into the route's record. */
final class Responses {
  private Responses() {}

  /** {@code node} (or its {@code wrapper} field, where the server wraps the object) as {@code type}. */
  static <T> T read(JsonNode node, Class<T> type, String wrapper) {
    JsonNode value = wrapper != null && node.path(wrapper).isObject() ? node.get(wrapper) : node;
    if (value.isMissingNode() || value.isNull()) {
      throw new PlatformException.BadResponse(200, "expected a " + type.getSimpleName() + " but the response was empty", null);
    }
    try {
      return PlatformJson.MAPPER.treeToValue(value, type);
    } catch (IOException e) {
      throw new PlatformException.BadResponse(200,
          "the response is not a " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
    }
  }

  static <T> T read(JsonNode node, Class<T> type) {
    return read(node, type, null);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return ApiKey.scrub(nl < 0 ? text : text.substring(0, nl));
  }
}
