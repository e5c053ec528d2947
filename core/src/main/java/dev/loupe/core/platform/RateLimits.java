package dev.loupe.core.platform;

import java.util.EnumMap;
import java.util.Map;

/** Requests per minute the client allows itself in each category; by default the platform's own. */
public final class RateLimits {
  private final Map<RateCategory, Integer> perMinute;

  private RateLimits(Map<RateCategory, Integer> perMinute) {
    this.perMinute = perMinute;
  }

  /** The platform's limits (100/min default, training 10, upload 10, predict 20, export 20, download 30). */
  public static RateLimits platform() {
    Map<RateCategory, Integer> m = new EnumMap<>(RateCategory.class);
    for (RateCategory c : RateCategory.values()) {
      m.put(c, c.perMinute());
    }
    return new RateLimits(m);
  }

  /** These limits with {@code category} at {@code requestsPerMinute} (at least 1). */
  public RateLimits with(RateCategory category, int requestsPerMinute) {
    if (requestsPerMinute < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 request per minute, got " + requestsPerMinute);
    }
    Map<RateCategory, Integer> m = new EnumMap<>(perMinute);
    m.put(category, requestsPerMinute);
    return new RateLimits(m);
  }

  public int perMinute(RateCategory category) {
    return perMinute.get(category);
  }
}
