package dev.loupe.core.platform;

/**
 * The platform's rate-limit categories, each with its own per-key counter, and the requests per
 * minute the platform allows in each (the reference's rate-limit table).
 */
public enum RateCategory {
  /** Everything not listed below: lists, gets, creates, updates, deletes. */
  DEFAULT(100),
  /** {@code POST /api/training/start}. */
  TRAINING(10),
  /** Uploads, signed upload URLs and dataset ingest. */
  UPLOAD(10),
  /** {@code POST /api/models/{id}/predict}. */
  PREDICT(20),
  /** Model exports ({@code POST /api/exports}), dataset NDJSON exports and version creation. */
  EXPORT(20),
  /** Model weight downloads ({@code GET /api/models/{id}/files}). */
  DOWNLOAD(30);

  private final int perMinute;

  RateCategory(int perMinute) {
    this.perMinute = perMinute;
  }

  /** The platform's limit: requests per minute per API key. */
  public int perMinute() {
    return perMinute;
  }
}
