package dev.loupe.labeling;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One resource bundle of user-facing texts (English first; a translation is one more
 * {@code name_xx.properties} beside it). A text with arguments is a {@link MessageFormat} pattern
 * ({0}, {1,number,#}; a literal apostrophe is written twice); a text without arguments is returned as
 * written. The labeling module's {@link Messages} and the window's messages are each one of these.
 */
public final class TextBundle {
  private final ResourceBundle bundle;

  /** The bundle {@code baseName} ("dev.loupe.labeling.messages") for the default locale. */
  public TextBundle(String baseName) {
    this.bundle = ResourceBundle.getBundle(baseName);
  }

  /**
   * The text of {@code key}, with {@code args} put in.
   *
   * @throws MissingResourceException when the bundle has no such key (a programming error)
   */
  public String text(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
  }
}
