package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Response;

/**
 * The error an API response carries: {@code {"error": "Dataset not found"}}, also read as
 * {@code {"error": {"code", "message"}}} or with a top-level {@code code}/{@code message}.
 */
record ErrorBody(String code, String message) {
  private static final int MAX_TEXT = 300;

  static ErrorBody read(Response response) {
    String text;
    try {
      text = response.body().string();
    } catch (IOException e) {
      return new ErrorBody(null, null);
    }
    if (text.isBlank()) {
      return new ErrorBody(null, null);
    }
    try {
      JsonNode n = PlatformJson.MAPPER.readTree(text);
      JsonNode error = n.path("error");
      if (error.isTextual()) {
        return new ErrorBody(textOrNull(n.path("code")), error.asText());
      }
      if (error.isObject()) {
        return new ErrorBody(textOrNull(error.path("code")), textOrNull(error.path("message")));
      }
      return new ErrorBody(textOrNull(n.path("code")), textOrNull(n.path("message")));
    } catch (IOException notJson) {
      String line = text.strip().lines().findFirst().orElse("");
      return new ErrorBody(null, line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) + "..." : line);
    }
  }

  private static String textOrNull(JsonNode n) {
    return n.isValueNode() && !n.isNull() ? n.asText() : null;
  }
}
