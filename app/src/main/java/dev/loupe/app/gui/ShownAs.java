package dev.loupe.app.gui;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice box of the window shows its values: a converter made from a function. The window's
 * choice boxes are not editable, so nothing is ever read back from a text.
 */
public final class ShownAs {
  private ShownAs() {}

  /** Each value as {@code text} gives it; no value as an empty text. */
  public static <T> StringConverter<T> text(Function<? super T, String> text) {
    return text(text, "");
  }

  /** Each value as {@code text} gives it; no value (null) as {@code whenNull}. */
  public static <T> StringConverter<T> text(Function<? super T, String> text, String whenNull) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? whenNull : text.apply(value);
      }

      @Override
      public T fromString(String string) {
        return null;
      }
    };
  }
}
