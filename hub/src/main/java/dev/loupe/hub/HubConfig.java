package dev.loupe.hub;

import dev.loupe.core.platform.RateLimits;
import java.time.Clock;
import java.time.Duration;

/**
 * How the hub serves.
 *
 * @param bind the address to listen on; {@code 127.0.0.1} unless told otherwise
 * @param port the port; 0 picks a free one
 * @param owner the username the local hub reports as the owner of everything (one owner per hub)
 * @param limits requests per minute per API key and rate category
 * @param maxBodyBytes the largest JSON request body
 * @param maxUploadBytes the largest file PUT to an upload URL (and predict upload)
 * @param urlLifetime how long a signed URL the hub hands out stays valid
 * @param clock the rate windows' and signed URLs' clock
 */
public record HubConfig(
    String bind,
    int port,
    String owner,
    RateLimits limits,
    long maxBodyBytes,
    long maxUploadBytes,
    Duration urlLifetime,
    Clock clock) {
  /** The loopback address the hub binds by default. */
  public static final String LOOPBACK = "127.0.0.1";
  /** The default port. */
  public static final int DEFAULT_PORT = 8765;

  public HubConfig {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("the hub needs an address to bind");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (maxBodyBytes < 1 || maxUploadBytes < 1) {
      throw new IllegalArgumentException("size limits must be positive");
    }
  }

  /** Loopback, the default port, the platform's rate limits, 10 MB bodies, 2 GB uploads, 1 h URLs. */
  public static HubConfig defaults() {
    return new HubConfig(LOOPBACK, DEFAULT_PORT, "local", RateLimits.platform(), 10L << 20, 2L << 30,
        Duration.ofHours(1), Clock.systemUTC());
  }

  public HubConfig withBind(String value) {
    return new HubConfig(value, port, owner, limits, maxBodyBytes, maxUploadBytes, urlLifetime, clock);
  }

  public HubConfig withPort(int value) {
    return new HubConfig(bind, value, owner, limits, maxBodyBytes, maxUploadBytes, urlLifetime, clock);
  }

  public HubConfig withLimits(RateLimits value) {
    return new HubConfig(bind, port, owner, value, maxBodyBytes, maxUploadBytes, urlLifetime, clock);
  }

  public HubConfig withMaxBodyBytes(long value) {
    return new HubConfig(bind, port, owner, limits, value, maxUploadBytes, urlLifetime, clock);
  }

  public HubConfig withMaxUploadBytes(long value) {
    return new HubConfig(bind, port, owner, limits, maxBodyBytes, value, urlLifetime, clock);
  }

  public HubConfig withClock(Clock value) {
    return new HubConfig(bind, port, owner, limits, maxBodyBytes, maxUploadBytes, urlLifetime, value);
  }
}
