package dev.loupe.app.gui.training;

import dev.loupe.core.platform.ConfigDirs;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformConfig;
import java.nio.file.Path;

/**
 * Opens a client of the platform the user logged in to ({@code loupe platform login}, {@code
 * LOUPE_API_KEY}, {@code LOUPE_PLATFORM_URL}); the caller closes it. A client without a key fails its
 * first request with how to log in.
 */
@FunctionalInterface
public interface PlatformConnector {
  PlatformClient open();

  /** The platform of this user's environment and settings files. */
  static PlatformConnector fromSettings() {
    return () -> PlatformClient.open(PlatformConfig.resolve(
        new ConfigDirs(System::getenv, Path.of(System.getProperty("user.home")), System.getProperty("os.name")),
        null));
  }
}
