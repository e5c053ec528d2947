package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.List;

/** {@code GET /api/api-keys}. */
public record ApiKeyList(@JsonAlias("apiKeys") List<ApiKeyInfo> keys) {
  public ApiKeyList {
    keys = keys == null ? List.of() : List.copyOf(keys);
  }
}
