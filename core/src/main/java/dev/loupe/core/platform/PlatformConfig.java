package dev.loupe.core.platform;

import java.util.Optional;

/**
 * Which platform to talk to and with which key. The URL: an explicit one (a {@code --url} option, a
 * window setting), else {@code $LOUPE_PLATFORM_URL}, else the one {@code loupe platform login --url}
 * stored, else {@link PlatformClient#DEFAULT_BASE_URL}.
 *
 * @param apiKey null when no source has one
 * @param keyFrom where the key came from (null with no key)
 */
public record PlatformConfig(String baseUrl, ApiKey apiKey, ApiKeyResolver.Found keyFrom) {
  /** The environment variable naming the API base URL. */
  public static final String URL_ENV = "LOUPE_PLATFORM_URL";

  /** The configuration from {@code dirs}' environment and settings files; {@code explicitUrl} may be null. */
  public static PlatformConfig resolve(ConfigDirs dirs, String explicitUrl) {
    Optional<ApiKeyResolver.Found> found = new ApiKeyResolver(dirs).resolve();
    String url = explicitUrl != null && !explicitUrl.isBlank() ? explicitUrl.strip() : dirs.value(URL_ENV);
    if (url == null) {
      url = new PlatformSettingsFile(dirs.loupeSettings()).read().url();
    }
    return new PlatformConfig(url == null ? PlatformClient.DEFAULT_BASE_URL : url,
        found.map(ApiKeyResolver.Found::key).orElse(null), found.orElse(null));
  }
}
