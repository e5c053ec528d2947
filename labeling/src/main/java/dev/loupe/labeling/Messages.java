package dev.loupe.labeling;

/**
 * The labeling view's user-facing strings, from {@code dev/loupe/labeling/messages.properties} (see
 * {@link TextBundle} for how texts are written). The descriptions of the actions are in
 * {@code keys/actions.properties}.
 */
public final class Messages {
  private static final TextBundle TEXTS = new TextBundle("dev.loupe.labeling.messages");

  private Messages() {}

  /** The text of {@code key}, with {@code args} put in. */
  public static String text(String key, Object... args) {
    return TEXTS.text(key, args);
  }
}
