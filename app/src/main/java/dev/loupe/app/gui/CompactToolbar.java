package dev.loupe.app.gui;

import java.util.List;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.HBox;

/**
 * Keeps a toolbar whole in a narrow window (or a language with longer words): when the bar is
 * narrower than its buttons need with their texts, the buttons show only their icons (their tooltips
 * still name them); when it is wide enough again, the texts come back. The width the texts need is
 * measured while they are shown, so switching does not make the bar jump back and forth.
 */
public final class CompactToolbar {
  private final HBox bar;
  private final List<? extends ButtonBase> buttons;
  private double widthWithTexts;
  private boolean compact;

  private CompactToolbar(HBox bar, List<? extends ButtonBase> buttons) {
    this.bar = bar;
    this.buttons = buttons;
  }

  /** Makes {@code buttons} (each with an icon) of {@code bar} drop their texts while the bar is too narrow. */
  public static CompactToolbar attach(HBox bar, List<? extends ButtonBase> buttons) {
    CompactToolbar t = new CompactToolbar(bar, buttons);
    bar.widthProperty().addListener((o, a, w) -> t.fit(w.doubleValue()));
    return t;
  }

  /** Whether the buttons show only their icons now. */
  public boolean compact() {
    return compact;
  }

  private void fit(double width) {
    if (!compact) {
      widthWithTexts = bar.prefWidth(-1);
    }
    boolean tooNarrow = width + 0.5 < widthWithTexts;
    if (tooNarrow != compact) {
      compact = tooNarrow;
      for (ButtonBase b : buttons) {
        b.setContentDisplay(compact ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
      }
    }
  }
}
