package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.TrainingJob;
import dev.loupe.core.platform.remote.TrainingRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training routes that take an API key. Status and cancel ({@code GET}/{@code DELETE
 * /api/models/{id}/training}) need a browser session: {@link SessionOnlyRoute#TRAINING_STATUS},
 * {@link SessionOnlyRoute#TRAINING_CANCEL}.
 */
public final class TrainingApi {
  private final PlatformHttp http;

  TrainingApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code POST /api/training/start} (training budget, 10/min); sent once: a retry could start two jobs. */
  public TrainingJob start(TrainingRequest body) {
    return Responses.read(http.send(ApiRequest.post("training", "start").json(body).category(RateCategory.TRAINING)),
        TrainingJob.class);
  }

  /** {@code GET /api/training/gpu-availability}: stock by GPU type id (High, Medium, Low, or null). */
  public Map<String, String> gpuAvailability() {
    JsonNode n = http.send(ApiRequest.get("training", "gpu-availability"));
    JsonNode map = n.path("availability").isObject() ? n.get("availability") : n;
    Map<String, String> stock = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> stock.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    return stock;
  }
}
