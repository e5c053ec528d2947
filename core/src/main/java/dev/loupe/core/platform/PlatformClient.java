package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Ultralytics Platform REST API client (or Loupe's own server, which speaks the same API): one
 * shared OkHttpClient, the base URL (e.g. {@code https://platform.ultralytics.com/api}), the API key,
 * per-category rate budgets and the retry policy. The routes come in groups ({@link #datasets()},
 * {@link #images()}, ...); {@link #send} reaches any other route that takes an API key and refuses
 * those that need a browser session ({@link SessionOnlyRoute}). Thread-safe; close it to release the
 * connection pool.
 */
public final class PlatformClient implements AutoCloseable {
  /** The platform's API base. */
  public static final String DEFAULT_BASE_URL = "https://platform.ultralytics.com/api";

  private final OkHttpClient http;
  private final PlatformHttp api;
  private final RateBudget budget;
  private final SignedTransfers transfers;
  private final DatasetsApi datasets;
  private final DatasetImagesApi images;
  private final ProjectsApi projects;
  private final ModelsApi models;
  private final TrainingApi training;
  private final ExportsApi exports;
  private final UploadsApi uploads;
  private final ApiKeysApi apiKeys;
  private final TrashApi trash;

  private PlatformClient(Builder b) {
    this.http = b.http != null ? b.http : defaultHttp();
    this.budget = new RateBudget(b.limits, b.clock);
    this.api = new PlatformHttp(http, b.baseUrl, b.key, budget, b.retry, b.clock);
    this.transfers = new SignedTransfers(http, b.retry, b.clock);
    this.datasets = new DatasetsApi(api);
    this.images = new DatasetImagesApi(api);
    this.projects = new ProjectsApi(api);
    this.models = new ModelsApi(api);
    this.training = new TrainingApi(api);
    this.exports = new ExportsApi(api, transfers, b.clock);
    this.uploads = new UploadsApi(api, transfers);
    this.apiKeys = new ApiKeysApi(api);
    this.trash = new TrashApi(api);
  }

  /** A client for {@code config}'s URL and key with the platform's limits and the standard retries. */
  public static PlatformClient open(PlatformConfig config) {
    return builder(config.baseUrl()).apiKey(config.apiKey()).build();
  }

  /** A builder for a client of the API at {@code baseUrl} (http or https). */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  private static OkHttpClient defaultHttp() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(Duration.ofSeconds(60))
        .writeTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** The API base URL, e.g. {@code https://platform.ultralytics.com/api}. */
  public String baseUrl() {
    return api.base().toString();
  }

  /** Whether an API key is set (requests without one fail before anything is sent). */
  public boolean hasApiKey() {
    return api.hasKey();
  }

  /** Sends any request below the base URL and returns the response's JSON. */
  public JsonNode send(ApiRequest request) {
    return api.send(request);
  }

  public DatasetsApi datasets() {
    return datasets;
  }

  public DatasetImagesApi images() {
    return images;
  }

  public ProjectsApi projects() {
    return projects;
  }

  public ModelsApi models() {
    return models;
  }

  public TrainingApi training() {
    return training;
  }

  public ExportsApi exports() {
    return exports;
  }

  public UploadsApi uploads() {
    return uploads;
  }

  public ApiKeysApi apiKeys() {
    return apiKeys;
  }

  public TrashApi trash() {
    return trash;
  }

  /** Transfers to and from signed storage URLs (no API key, no API budget). */
  public SignedTransfers transfers() {
    return transfers;
  }

  /** The client's rate budgets, shared by every route group. */
  public RateBudget budget() {
    return budget;
  }

  /** Cancels every call in flight (their callers get a CancelledException). */
  public void cancelAll() {
    http.dispatcher().cancelAll();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Builds a {@link PlatformClient}; everything but the base URL has a default. */
  public static final class Builder {
    private final HttpUrl baseUrl;
    private ApiKey key;
    private RateLimits limits = RateLimits.platform();
    private RetryPolicy retry = RetryPolicy.standard();
    private PlatformClock clock = PlatformClock.SYSTEM;
    private OkHttpClient http;

    private Builder(String baseUrl) {
      HttpUrl parsed = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
      if (parsed == null) {
        throw new IllegalArgumentException("the platform URL must be an http(s) URL, got '" + baseUrl + "'");
      }
      this.baseUrl = parsed;
    }

    /** The key sent as {@code Authorization: Bearer}; null sends none (and key-only routes fail). */
    public Builder apiKey(ApiKey value) {
      this.key = value;
      return this;
    }

    public Builder rateLimits(RateLimits value) {
      this.limits = value;
      return this;
    }

    public Builder retryPolicy(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    /** The clock and sleeper of budgets, waits and backoff (a fake one in tests). */
    public Builder clock(PlatformClock value) {
      this.clock = value;
      return this;
    }

    /** An OkHttpClient to share (its pool and dispatcher); by default the client makes one. */
    public Builder httpClient(OkHttpClient value) {
      this.http = value;
      return this;
    }

    public PlatformClient build() {
      return new PlatformClient(this);
    }
  }
}
