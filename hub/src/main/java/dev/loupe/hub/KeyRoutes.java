package dev.loupe.hub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.workspace.ApiKeyRecord;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.NewApiKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /api/api-keys}: list (never the keys, only their prefixes), create (the key in this answer
 * only) and revoke ({@code ?keyId=}).
 */
final class KeyRoutes {
  private final HubServices hub;
  private final ApiKeyStore keys;
  private final KeyGuard guard;

  KeyRoutes(HubServices hub, ApiKeyStore keys, KeyGuard guard) {
    this.hub = hub;
    this.keys = keys;
    this.guard = guard;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/api-keys", this::list);
    routes.post("/api/api-keys", this::create);
    routes.delete("/api/api-keys", this::revoke);
  }

  /** A key's record in the platform's shape. */
  static ObjectNode json(ApiKeyRecord k) {
    ObjectNode n = HubJson.object();
    n.put("_id", k.id());
    n.put("name", k.name());
    n.put("prefix", k.prefix());
    n.put("createdAt", k.createdAt().toString());
    if (k.lastUsedAt() != null) {
      n.put("lastUsedAt", k.lastUsedAt().toString());
    } else {
      n.putNull("lastUsedAt");
    }
    if (k.revokedAt() != null) {
      n.put("revokedAt", k.revokedAt().toString());
    }
    return n;
  }

  /** A new key: {@code {"key": "ul_...", "_id", "name", "prefix", "createdAt"}}. */
  static ObjectNode json(NewApiKey k) {
    ObjectNode n = HubJson.object();
    n.put("key", k.key());
    n.setAll(json(k.record()));
    n.remove("lastUsedAt");
    return n;
  }

  private void list(Context ctx) {
    ObjectNode n = HubJson.object();
    ArrayNode list = n.putArray("keys");
    for (ApiKeyRecord k : keys.list()) {
      if (!k.revoked()) {
        list.add(json(k));
      }
    }
    HubJson.ok(ctx, n);
  }

  private void create(Context ctx) {
    String name = HubJson.requiredText(hub.json().objectBody(ctx), "name");
    HubJson.send(ctx, 201, json(keys.create(name)));
  }

  private void revoke(Context ctx) {
    String id = PathIds.id(ctx.queryParam("keyId"), "keyId");
    keys.revoke(id);
    guard.forget();
    HubJson.ok(ctx);
  }
}
