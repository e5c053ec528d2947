package dev.loupe.labeling.canvas;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.labeling.ClassPalette;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.geom.Keypoints;
import dev.loupe.labeling.geom.Viewport;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Draws labels onto a canvas, fast: the labels of one class go into one path that is stroked (and
 * filled) once, so paint is set once per class, not once per shape. Callers pass only the labels
 * that are on screen (from the {@link dev.loupe.labeling.geom.ShapeIndex}).
 */
final class ShapeRenderer {
  /** Above this many labels on screen, class names are not written (text is the costliest thing to draw). */
  static final int MAX_NAMED = 150;

  /** The default size of the class names written on the canvas, in view pixels (any zoom). */
  static final double DEFAULT_TEXT_SIZE = 13;
  /** Behind the class names, by default (the canvas's {@code -loupe-tag-background}). */
  static final Color TAG = Color.rgb(0, 0, 0, 0.62);
  private static final double[] DASHES = {7, 5};
  private static final Font CLASS_FONT = Font.font(22);
  private static final Color LEFT = Color.rgb(0, 190, 255);
  private static final Color RIGHT = Color.rgb(255, 140, 0);

  private final ClassPalette palette;
  private List<String> classNames = List.of();
  private Skeleton skeleton = Skeleton.NONE;
  /** An outline's view coordinates, reused (the renderer draws on the FX thread only). */
  private double[] outline = new double[0];
  private Font nameFont = Font.font(DEFAULT_TEXT_SIZE);
  private Color tagBackground = TAG;

  ShapeRenderer(ClassPalette palette) {
    this.palette = palette;
  }

  void setClassNames(List<String> names) {
    classNames = List.copyOf(names);
  }

  /** The size of the class names on the canvas, in view pixels: the same at every zoom. */
  void setTextSize(double size) {
    nameFont = Font.font(Math.max(6, size));
  }

  /** What is drawn behind the class names written on the labels. */
  void setTagBackground(Color color) {
    tagBackground = color;
  }

  double textSize() {
    return nameFont.getSize();
  }

  void setSkeleton(Skeleton skeleton) {
    this.skeleton = skeleton;
  }

  String className(int classId) {
    return classId >= 0 && classId < classNames.size()
        ? classNames.get(classId)
        : Messages.text("canvas.unknownClass", classId);
  }

  /**
   * Draws {@code labels.get(indices[i])} for i < count, grouped by class.
   *
   * @param fillAlpha opacity of every shape's fill (0 for none: boxes are then only outlined)
   * @param polygonFillAlpha opacity of the fill of polygons and rotated boxes
   */
  void draw(GraphicsContext gc, List<Label> labels, int[] indices, int count, Viewport vp, double lineWidth,
      double fillAlpha, double polygonFillAlpha, boolean names) {
    if (count == 0) {
      return;
    }
    int maxClass = 0;
    for (int i = 0; i < count; i++) {
      maxClass = Math.max(maxClass, Math.max(0, labels.get(indices[i]).classId()));
    }
    // counting sort by class: one path per class
    int[] starts = new int[maxClass + 2];
    for (int i = 0; i < count; i++) {
      starts[Math.max(0, labels.get(indices[i]).classId()) + 1]++;
    }
    for (int c = 0; c <= maxClass; c++) {
      starts[c + 1] += starts[c];
    }
    int[] order = new int[count];
    int[] fill = starts.clone();
    for (int i = 0; i < count; i++) {
      order[fill[Math.max(0, labels.get(indices[i]).classId())]++] = indices[i];
    }
    gc.setLineWidth(lineWidth);
    for (int c = 0; c <= maxClass; c++) {
      if (starts[c] == starts[c + 1]) {
        continue;
      }
      Color color = palette.colorOf(c);
      // boxes: four filled strips each, on whole pixels (the cheapest crisp line on every pipeline)
      gc.setFill(fillAlpha > 0 ? color.deriveColor(0, 1, 1, fillAlpha) : color);
      boolean outlines = false;
      boolean poses = false;
      for (int i = starts[c]; i < starts[c + 1]; i++) {
        Label label = labels.get(order[i]);
        if (label instanceof BoxLabel b) {
          if (fillAlpha > 0) {
            fillBox(gc, vp, b.cx(), b.cy(), b.w(), b.h());
          }
        } else {
          outlines = true;
          poses |= label instanceof PoseLabel;
        }
      }
      gc.setFill(color);
      for (int i = starts[c]; i < starts[c + 1]; i++) {
        if (labels.get(order[i]) instanceof BoxLabel b) {
          frame(gc, vp, b.cx(), b.cy(), b.w(), b.h(), lineWidth);
        } else if (labels.get(order[i]) instanceof PoseLabel p) {
          frame(gc, vp, p.cx(), p.cy(), p.w(), p.h(), lineWidth);
        }
      }
      if (outlines) {
        gc.beginPath();
        for (int i = starts[c]; i < starts[c + 1]; i++) {
          addPath(gc, labels.get(order[i]), vp);
        }
        if (fillAlpha > 0 || polygonFillAlpha > 0) {
          gc.setFill(color.deriveColor(0, 1, 1, Math.max(fillAlpha, polygonFillAlpha)));
          gc.fill();
        }
        gc.setStroke(color);
        gc.stroke();
      }
      if (poses) {
        for (int i = starts[c]; i < starts[c + 1]; i++) {
          if (labels.get(order[i]) instanceof PoseLabel pose) {
            drawKeypoints(gc, pose, vp, color);
          }
        }
      }
    }
    if (names && count <= MAX_NAMED) {
      drawNames(gc, labels, indices, count, vp);
    }
  }

  /** Adds the outline of a label to the current path; true for a pose (its points are drawn after). */
  private void addPath(GraphicsContext gc, Label label, Viewport vp) {
    if (label instanceof PolygonLabel p) {
      polygon(gc, vp, p.points());
    } else if (label instanceof ObbLabel o) {
      polygon(gc, vp, o.corners());
    } else if (label instanceof PoseLabel p) {
      for (int[] edge : skeleton.edges()) {
        if (edge[0] < p.keypointCount() && edge[1] < p.keypointCount()
            && Keypoints.isLabeled(p, edge[0]) && Keypoints.isLabeled(p, edge[1])) {
          gc.moveTo(vp.viewX(Keypoints.x(p, edge[0])), vp.viewY(Keypoints.y(p, edge[0])));
          gc.lineTo(vp.viewX(Keypoints.x(p, edge[1])), vp.viewY(Keypoints.y(p, edge[1])));
        }
      }
    }
  }

  /** A box outline as four strips on whole pixels: crisp at any zoom, no anti-aliasing work. */
  private static void frame(GraphicsContext gc, Viewport vp, double cx, double cy, double w, double h, double line) {
    double x0 = Math.round(vp.viewX(cx - w / 2)), y0 = Math.round(vp.viewY(cy - h / 2));
    double x1 = Math.max(x0 + 1, Math.round(vp.viewX(cx + w / 2))), y1 = Math.max(y0 + 1, Math.round(vp.viewY(cy + h / 2)));
    double t = Math.max(1, Math.round(line));
    double half = Math.floor(t / 2);
    gc.fillRect(x0 - half, y0 - half, x1 - x0 + t, t); // top
    gc.fillRect(x0 - half, y1 - half, x1 - x0 + t, t); // bottom
    gc.fillRect(x0 - half, y0 - half, t, y1 - y0 + t); // left
    gc.fillRect(x1 - half, y0 - half, t, y1 - y0 + t); // right
  }

  private static void fillBox(GraphicsContext gc, Viewport vp, double cx, double cy, double w, double h) {
    double x0 = Math.round(vp.viewX(cx - w / 2)), y0 = Math.round(vp.viewY(cy - h / 2));
    double x1 = Math.round(vp.viewX(cx + w / 2)), y1 = Math.round(vp.viewY(cy + h / 2));
    gc.fillRect(x0, y0, x1 - x0, y1 - y0);
  }

  /** A closed outline in view pixels, with the steps no one can see left out ({@link #visibleSteps}). */
  private void polygon(GraphicsContext gc, Viewport vp, Coords xy) {
    int n = xy.size() / 2;
    if (n == 0) {
      return;
    }
    if (outline.length < 2 * n) {
      outline = new double[2 * n];
    }
    for (int i = 0; i < n; i++) {
      outline[2 * i] = vp.viewX(xy.get(2 * i));
      outline[2 * i + 1] = vp.viewY(xy.get(2 * i + 1));
    }
    int kept = visibleSteps(outline, n, MIN_STEP);
    gc.moveTo(outline[0], outline[1]);
    for (int i = 1; i < kept; i++) {
      gc.lineTo(outline[2 * i], outline[2 * i + 1]);
    }
    gc.closePath();
  }

  /** Shortest step, in view pixels, between two vertices of an outline that are both drawn. */
  static final double MIN_STEP = 1;

  /**
   * Compacts the first {@code n} points (x, y pairs) of {@code xy} in place to those at least {@code
   * minStep} away (in x or y) from the last one kept, the first always kept, and returns how many
   * are left. An outline traced from a mask has a vertex every pixel or two of the image: at a zoom
   * below 1 those are steps shorter than a screen pixel, each a cost to the stroker and the
   * anti-aliasing for nothing anyone can see. An outline whose points all lie that close keeps the
   * point farthest from the first too, so that a label smaller than a pixel still shows as a dot.
   */
  static int visibleSteps(double[] xy, int n, double minStep) {
    if (n <= 1) {
      return n;
    }
    int kept = 1;
    for (int i = 1; i < n; i++) {
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      if (Math.abs(x - xy[2 * kept - 2]) < minStep && Math.abs(y - xy[2 * kept - 1]) < minStep) {
        continue;
      }
      xy[2 * kept] = x;
      xy[2 * kept + 1] = y;
      kept++;
    }
    if (kept == 1) {
      // all within a pixel of the first (kept points overwrote nothing but the first's own slot)
      int farthest = 1;
      double most = -1;
      for (int i = 1; i < n; i++) {
        double d = Math.abs(xy[2 * i] - xy[0]) + Math.abs(xy[2 * i + 1] - xy[1]);
        if (d > most) {
          most = d;
          farthest = i;
        }
      }
      xy[2] = xy[2 * farthest];
      xy[3] = xy[2 * farthest + 1];
      kept = 2;
    }
    return kept;
  }

  private void drawKeypoints(GraphicsContext gc, PoseLabel p, Viewport vp, Color classColor) {
    double r = 3.5;
    for (int k = 0; k < p.keypointCount(); k++) {
      int vis = Keypoints.visibility(p, k);
      if (vis == 0) {
        continue;
      }
      int side = skeleton.side(k);
      Color color = side < 0 ? LEFT : side > 0 ? RIGHT : classColor;
      double x = vp.viewX(Keypoints.x(p, k)), y = vp.viewY(Keypoints.y(p, k));
      if (vis == 1) { // occluded: hollow
        gc.setStroke(color);
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
      } else {
        gc.setFill(color);
        gc.fillOval(x - r, y - r, 2 * r, 2 * r);
      }
    }
  }

  private void drawNames(GraphicsContext gc, List<Label> labels, int[] indices, int count, Viewport vp) {
    for (int i = 0; i < count; i++) {
      Label label = labels.get(indices[i]);
      double[] b = dev.loupe.labeling.geom.Bounds.of(label);
      if (b != null) {
        tag(gc, className(label.classId()), palette.colorOf(label.classId()), vp.viewX(b[0]), vp.viewY(b[1]));
      }
    }
  }

  /**
   * Writes a text on a dark tag just above a label's top-left corner (inside the view): readable on any
   * image, at any zoom.
   */
  private void tag(GraphicsContext gc, String text, Color color, double x, double y) {
    double size = nameFont.getSize();
    double height = size + 4;
    double width = text.length() * size * 0.58 + 6;
    double top = Math.max(0, y - height);
    gc.setFill(tagBackground);
    gc.fillRect(x, top, width, height);
    gc.setFont(nameFont);
    gc.setFill(color);
    gc.fillText(text, x + 3, top + size);
  }

  /**
   * Draws a model's predictions not yet reviewed: a dashed outline in the class colour and a tag with
   * the class and the confidence ("dog 0.87"), so they stand apart from the labels people made.
   */
  void drawPending(GraphicsContext gc, List<Label> labels, double[] confidences, Viewport vp) {
    if (labels.isEmpty()) {
      return;
    }
    gc.setLineWidth(2);
    gc.setLineDashes(DASHES);
    for (Label label : labels) {
      Color color = palette.colorOf(label.classId());
      gc.setStroke(color);
      gc.beginPath();
      if (label instanceof BoxLabel b) {
        rectangle(gc, vp, b.cx(), b.cy(), b.w(), b.h());
      } else if (label instanceof PoseLabel p) {
        rectangle(gc, vp, p.cx(), p.cy(), p.w(), p.h());
        addPath(gc, p, vp);
      } else {
        addPath(gc, label, vp);
      }
      gc.stroke();
      if (label instanceof PoseLabel p) {
        drawKeypoints(gc, p, vp, color);
      }
    }
    gc.setLineDashes((double[]) null);
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      double[] b = dev.loupe.labeling.geom.Bounds.of(label);
      if (b != null) {
        String text = className(label.classId())
            + (Double.isNaN(confidences[i]) ? "" : String.format(java.util.Locale.ROOT, " %.2f", confidences[i]));
        tag(gc, text, palette.colorOf(label.classId()), vp.viewX(b[0]), vp.viewY(b[1]));
      }
    }
  }

  private static void rectangle(GraphicsContext gc, Viewport vp, double cx, double cy, double w, double h) {
    double x0 = vp.viewX(cx - w / 2), y0 = vp.viewY(cy - h / 2);
    double x1 = vp.viewX(cx + w / 2), y1 = vp.viewY(cy + h / 2);
    gc.moveTo(x0, y0);
    gc.lineTo(x1, y0);
    gc.lineTo(x1, y1);
    gc.lineTo(x0, y1);
    gc.closePath();
  }

  /** The classes of a classify image, written large in the top-left corner of the view. */
  void drawImageClasses(GraphicsContext gc, List<Label> labels) {
    List<String> names = new java.util.ArrayList<>();
    int firstClass = -1;
    for (Label label : labels) {
      if (label instanceof dev.loupe.core.domain.ClassLabel c) {
        names.add(className(c.classId()));
        firstClass = firstClass < 0 ? c.classId() : firstClass;
      }
    }
    if (names.isEmpty()) {
      return;
    }
    String text = String.join(", ", names);
    gc.setFont(CLASS_FONT);
    gc.setFill(Color.rgb(0, 0, 0, 0.6));
    gc.fillRect(8, 8, 16 + 13 * text.length(), 36);
    gc.setFill(palette.colorOf(firstClass));
    gc.fillText(text, 16, 34);
  }
}
