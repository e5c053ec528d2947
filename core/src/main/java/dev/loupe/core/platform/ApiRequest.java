package dev.loupe.core.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.RequestBody;

/**
 * One request to the platform API, below its base URL: method, path segments (each encoded on its
 * own, so an id can never reach another route), query, body, rate category and whether repeating it
 * is harmless. Immutable; the {@code with...} methods return changed copies.
 */
public final class ApiRequest {
  private final String method;
  private final List<String> segments;
  private final Map<String, String> query;
  private final Object json;
  private final RequestBody raw;
  private final RateCategory category;
  private final boolean idempotent;

  private ApiRequest(String method, List<String> segments, Map<String, String> query, Object json,
      RequestBody raw, RateCategory category, boolean idempotent) {
    this.method = method;
    this.segments = List.copyOf(segments);
    this.query = query;
    this.json = json;
    this.raw = raw;
    this.category = category;
    this.idempotent = idempotent;
  }

  private static ApiRequest of(String method, boolean idempotent, String... segments) {
    for (String s : segments) {
      if (s == null || s.isEmpty()) {
        throw new IllegalArgumentException(method + " " + String.join("/", segments) + ": an empty path segment");
      }
    }
    return new ApiRequest(method, List.of(segments), new LinkedHashMap<>(), null, null, RateCategory.DEFAULT, idempotent);
  }

  public static ApiRequest get(String... segments) {
    return of("GET", true, segments);
  }

  /** A POST that may create something: never repeated once it may have reached the server. */
  public static ApiRequest post(String... segments) {
    return of("POST", false, segments);
  }

  public static ApiRequest put(String... segments) {
    return of("PUT", true, segments);
  }

  /** A PATCH of set fields: repeating it gives the same state. */
  public static ApiRequest patch(String... segments) {
    return of("PATCH", true, segments);
  }

  public static ApiRequest delete(String... segments) {
    return of("DELETE", true, segments);
  }

  /** With query parameter {@code name} (left out when {@code value} is null). */
  public ApiRequest query(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new ApiRequest(method, segments, q, json, raw, category, idempotent);
  }

  /** With a JSON body: {@code value} serialized by {@link PlatformJson#MAPPER}. */
  public ApiRequest json(Object value) {
    return new ApiRequest(method, segments, query, value, null, category, idempotent);
  }

  /** With a body of its own (a multipart form). */
  public ApiRequest body(RequestBody value) {
    return new ApiRequest(method, segments, query, null, value, category, idempotent);
  }

  public ApiRequest category(RateCategory value) {
    return new ApiRequest(method, segments, query, json, raw, value, idempotent);
  }

  /** Marks a POST that only reads (signed URLs for hashes, ...) as safe to repeat. */
  public ApiRequest readOnly() {
    return new ApiRequest(method, segments, query, json, raw, category, true);
  }

  public String method() {
    return method;
  }

  public List<String> segments() {
    return segments;
  }

  /** The path below {@code /api}, e.g. {@code /datasets/abc/images}. */
  public String path() {
    return "/" + String.join("/", segments);
  }

  public Map<String, String> queryParameters() {
    return java.util.Collections.unmodifiableMap(query);
  }

  Object jsonBody() {
    return json;
  }

  RequestBody rawBody() {
    return raw;
  }

  public RateCategory category() {
    return category;
  }

  public boolean idempotent() {
    return idempotent;
  }

  /** {@code GET /api/datasets}, for messages (no query: it may carry search text). */
  String describe(String basePath) {
    List<String> parts = new ArrayList<>();
    parts.add(method);
    parts.add(basePath + path());
    return String.join(" ", parts);
  }
}
