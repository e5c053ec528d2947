package dev.loupe.app.gui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * A place in the window for a view that is built the first time it is shown (or asked for): the
 * window's hidden views cost nothing at start-up, when styling and laying out every control of a
 * view nobody looks at would delay the first frame.
 */
final class LazyView<T extends Node> extends StackPane {
  private final Supplier<T> factory;
  private T content;

  LazyView(Supplier<T> factory) {
    this.factory = factory;
    setVisible(false);
    visibleProperty().addListener((o, was, shown) -> {
      if (shown) {
        content();
      }
    });
  }

  /** The view, built now if it was not yet. */
  T content() {
    if (content == null) {
      content = factory.get();
      content.visibleProperty().bind(visibleProperty()); // a view hidden with its place says so itself
      getChildren().add(content);
    }
    return content;
  }

  /** Whether the view was built (shown or asked for once). */
  boolean built() {
    return content != null;
  }
}
