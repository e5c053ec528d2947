package dev.loupe.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON request bodies (size-limited) and writes JSON answers. */
final class HubJson {
  private final long maxBodyBytes;

  HubJson(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  static ObjectNode object() {
    return ApiJson.MAPPER.createObjectNode();
  }

  static void send(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(ApiJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static void ok(Context ctx, JsonNode body) {
    send(ctx, 200, body);
  }

  static void ok(Context ctx) {
    send(ctx, 200, object().put("ok", true));
  }

  /**
   * The request's JSON body ({@link MissingNode} when empty).
   *
   * @throws ApiException 413 past the body limit, 400 when it is not JSON
   */
  JsonNode body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    byte[] bytes;
    try (InputStream in = ctx.bodyInputStream()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("the request body broke off: " + e.getMessage(), e);
    }
    if (bytes.length > maxBodyBytes) {
      throw tooLarge();
    }
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return ApiJson.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw ApiException.badRequest("the request body is not JSON");
    }
  }

  /** The body, which must be a JSON object. */
  JsonNode objectBody(Context ctx) {
    JsonNode n = body(ctx);
    if (!n.isObject()) {
      throw ApiException.badRequest("expected a JSON object as the request body");
    }
    return n;
  }

  private ApiException tooLarge() {
    return ApiException.tooLarge("the request body is larger than the hub takes (" + maxBodyBytes + " bytes)");
  }

  /** A text field, or null when absent or null. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest("'" + field + "' must be a string");
    }
    return v.asText();
  }

  /** A required text field. */
  static String requiredText(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null || v.isBlank()) {
      throw ApiException.badRequest("'" + field + "' is required");
    }
    return v;
  }

  /** A list of strings ({@code "hashes": [...]}), required, at most {@code max} long. */
  static List<String> strings(JsonNode n, String field, int max) {
    JsonNode v = n.path(field);
    if (!v.isArray()) {
      throw ApiException.badRequest("'" + field + "' must be an array of strings");
    }
    if (v.size() > max) {
      throw ApiException.badRequest("'" + field + "' holds at most " + max + " items, got " + v.size());
    }
    List<String> out = new ArrayList<>(v.size());
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw ApiException.badRequest("'" + field + "' must be an array of strings");
      }
      out.add(item.asText());
    }
    return out;
  }
}
