package dev.loupe.core.platform.remote;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Set;

/** A model export job of {@code /api/exports}: its state and, once done, its signed download URL. */
public record RemoteExport(
    @JsonProperty("_id") @JsonAlias({"id", "exportId"}) String id,
    String modelId,
    String format,
    String status,
    String downloadUrl,
    String error,
    String createdAt,
    String updatedAt) {

  private static final Set<String> DONE = Set.of("completed", "complete", "succeeded", "success", "done", "ready");
  private static final Set<String> FAILED = Set.of("failed", "error", "cancelled", "canceled");

  public boolean isDone() {
    return status != null && DONE.contains(status.toLowerCase(Locale.ROOT));
  }

  public boolean isFailed() {
    return status != null && FAILED.contains(status.toLowerCase(Locale.ROOT));
  }
}
