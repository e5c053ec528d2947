package dev.loupe.app.gui;

import dev.loupe.labeling.TextBundle;

/**
 * The window's user-facing strings, from {@code dev/loupe/app/gui/messages.properties} (English; a
 * translation is one more {@code messages_xx.properties} beside it; see {@link TextBundle} for how texts
 * are written).
 */
public final class Messages {
  private static final TextBundle TEXTS = new TextBundle("dev.loupe.app.gui.messages");

  private Messages() {}

  /** The text of {@code key}, with {@code args} put in. */
  public static String text(String key, Object... args) {
    return TEXTS.text(key, args);
  }
}
