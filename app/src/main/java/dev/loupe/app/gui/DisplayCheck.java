package dev.loupe.app.gui;

import java.util.Locale;
import java.util.function.Function;

/**
 * Whether a window can be opened: on Linux and other X11/Wayland systems a display must be named;
 * elsewhere a headless JVM has none. Checked before JavaFX starts, so a server or CI run of
 * {@code loupe} prints its commands instead of failing.
 */
public final class DisplayCheck {
  private DisplayCheck() {}

  /** Why no window can be opened, or null when one likely can. */
  public static String whyNoDisplay(Function<String, String> env) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return Boolean.getBoolean("java.awt.headless") ? "Java runs headless (java.awt.headless=true)" : null;
    }
    if (isSet(env.apply("DISPLAY")) || isSet(env.apply("WAYLAND_DISPLAY"))) {
      return null;
    }
    return "DISPLAY is not set";
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
