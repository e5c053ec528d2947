package dev.loupe.core.platform;

import dev.loupe.core.platform.remote.ApiKeyList;
import dev.loupe.core.platform.remote.CreatedApiKey;
import java.util.Map;

/** The API key routes: {@code /api/api-keys}. */
public final class ApiKeysApi {
  private final PlatformHttp http;

  ApiKeysApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code GET /api/api-keys}. */
  public ApiKeyList list() {
    return Responses.read(http.send(ApiRequest.get("api-keys")), ApiKeyList.class);
  }

  /** {@code POST /api/api-keys}: a new key, shown only in this answer; sent once. */
  public CreatedApiKey create(String name) {
    return Responses.read(http.send(ApiRequest.post("api-keys").json(Map.of("name", name))), CreatedApiKey.class, "apiKey");
  }

  /** {@code DELETE /api/api-keys?keyId=...}: revokes a key. */
  public void revoke(String keyId) {
    http.send(ApiRequest.delete("api-keys").query("keyId", keyId));
  }
}
