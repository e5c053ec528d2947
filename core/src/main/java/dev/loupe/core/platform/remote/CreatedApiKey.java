package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.loupe.core.platform.ApiKey;

/** {@code POST /api/api-keys}: the new key, shown once; its {@code toString} hides it. */
public record CreatedApiKey(
    @JsonAlias("apiKey") ApiKey key,
    @JsonProperty("_id") @JsonAlias({"id", "keyId"}) String id,
    String name,
    String createdAt) {}
