package dev.loupe.labeling;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The labeling view's user-facing strings, from {@code dev/loupe/labeling/messages.properties}
 * (English; a translation is one more {@code messages_xx.properties} beside it). A text with
 * arguments is a {@link MessageFormat} pattern ({0}, {1,number,#}; a literal apostrophe is written
 * twice); a text without arguments is returned as written. The descriptions of the actions are in
 * {@code keys/actions.properties}.
 */
public final class Messages {
  private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.loupe.labeling.messages");

  private Messages() {}

  /**
   * The text of {@code key}, with {@code args} put in.
   *
   * @throws MissingResourceException when the bundle has no such key (a programming error)
   */
  public static String text(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
  }
}
