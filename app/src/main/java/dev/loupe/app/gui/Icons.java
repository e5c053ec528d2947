package dev.loupe.app.gui;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.shape.SVGPath;

/** The workbench's icons: SVG paths on a 16 px grid, drawn in the text colour of the theme. */
public final class Icons {
  public static final String PLUS = "M7 2h2v5h5v2H9v5H7V9H2V7h5z";
  public static final String IMPORT = "M7 1h2v7.6l2.3-2.3 1.4 1.4L8 12.4 3.3 7.7l1.4-1.4L7 8.6zM2 13h12v2H2z";
  public static final String EXPORT = "M8 1l4.7 4.7-1.4 1.4L9 4.8V11H7V4.8L4.7 7.1 3.3 5.7zM2 13h12v2H2z";
  public static final String TRASH = "M5 1h6v2h4v2H1V3h4zM2.5 6h11l-1 9h-9zM6 8v5h1.2V8zm2.8 0v5H10V8z";
  public static final String DATASET = "M1 3h6l1 1.5h7V14H1zm1.5 3v6.5h11V6z";
  public static final String MODEL = "M8 1l6 3.5v7L8 15l-6-3.5v-7zm0 2.3L4 5.6 8 8l4-2.4zM3.5 7v3.6L7.2 13V9.2zm9 0L8.8 9.2V13l3.7-2.4z";
  public static final String PROJECT = "M2 2h5v5H2zm7 0h5v5H9zM2 9h5v5H2zm7 0h5v5H9z";
  public static final String TAG = "M1 1h6.5L15 8.5 8.5 15 1 7.5zm3 2a1 1 0 100 2 1 1 0 000-2z";
  public static final String SPLIT = "M2 3h12v2H2zm0 4h8v2H2zm0 4h5v2H2z";
  /** Up and down: push and pull. */
  public static final String SYNC = "M4 1l3.5 3.5-1.4 1.4L5 4.8V12H3V4.8L1.9 5.9 0.5 4.5zm8 14l-3.5-3.5 1.4-1.4 1.1 1.1V4h2v7.2l1.1-1.1 1.4 1.4z";
  public static final String VERSION = "M8 1a7 7 0 110 14A7 7 0 018 1zm0 2a5 5 0 100 10A5 5 0 008 3zm-1 1.5h2v3.1l2.2 2.2-1.4 1.4L7 8.4z";
  public static final String BACK = "M7.3 2.3l1.4 1.4L5.4 7H14v2H5.4l3.3 3.3-1.4 1.4L1.6 8z";
  public static final String NEXT = "M8.7 2.3L14.4 8l-5.7 5.7-1.4-1.4L10.6 9H2V7h8.6L7.3 3.7z";
  public static final String CLOSE = "M3.4 2L8 6.6 12.6 2 14 3.4 9.4 8l4.6 4.6-1.4 1.4L8 9.4 3.4 14 2 12.6 6.6 8 2 3.4z";
  public static final String MENU = "M2 3h12v2H2zm0 4h12v2H2zm0 4h12v2H2z";
  public static final String LOUPE = "M6.5 1a5.5 5.5 0 014.4 8.8l4.1 4.1-1.4 1.4-4.1-4.1A5.5 5.5 0 116.5 1zm0 2a3.5 3.5 0 100 7 3.5 3.5 0 000-7z";

  private Icons() {}

  /** A 16 px icon node for {@code path}. */
  public static Node of(String path) {
    SVGPath svg = new SVGPath();
    svg.setContent(path);
    Region icon = new Region();
    icon.setShape(svg);
    icon.getStyleClass().add("icon");
    icon.setMinSize(14, 14);
    icon.setPrefSize(14, 14);
    icon.setMaxSize(14, 14);
    return icon;
  }
}
