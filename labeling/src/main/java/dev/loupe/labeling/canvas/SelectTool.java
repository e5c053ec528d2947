package dev.loupe.labeling.canvas;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.geom.Geometry;
import dev.loupe.labeling.geom.HitTest;
import dev.loupe.labeling.geom.Keypoints;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.ChangeShapes;
import dev.loupe.labeling.model.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * Select (click, Ctrl/Shift+click to add, drag on empty space for a band), move (drag), resize (box
 * handles), reshape polygons (drag a vertex, click an edge to add one, right-click a vertex to delete
 * it), rotate oriented boxes (the round handle) and move keypoints (Shift+click cycles visibility).
 * Every drag is one edit, committed on release.
 */
final class SelectTool implements Tool {
  private enum Mode { NONE, MOVE, HANDLE, VERTEX, ROTATE, KEYPOINT, BAND }

  private static final double ROTATION_HANDLE_DISTANCE = 24;

  private final LabelCanvas canvas;
  private Mode mode = Mode.NONE;
  private double pressX, pressY, lastX, lastY;
  private final Map<Long, Label> originals = new LinkedHashMap<>();
  private Label start; // the label a handle drag starts from (a polygon with its new vertex)
  private long target;
  private int handle;
  private String editName;

  SelectTool(LabelCanvas canvas) {
    this.canvas = canvas;
  }

  @Override
  public Cursor cursor() {
    return Cursor.DEFAULT;
  }

  @Override
  public String hint() {
    return Messages.text("hint.select");
  }

  @Override
  public void pressed(MouseEvent e) {
    Viewport vp = canvas.viewport();
    pressX = e.getX();
    pressY = e.getY();
    originals.clear();
    mode = Mode.NONE;
    Shape single = editableSingle();
    if (e.getButton() == MouseButton.SECONDARY) {
      if (single != null && single.label() instanceof PolygonLabel p) {
        int v = HitTest.nearestVertex(p.points(), vp, pressX, pressY, canvas.hitTolerance() + 2);
        if (v >= 0 && p.vertexCount() > 3) {
          canvas.commit(
              ChangeShapes.of(Messages.text("edit.deleteVertex"), single.id(), p, Geometry.deleteVertex(p, v)));
        }
      }
      return;
    }
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    if (single != null && startHandleDrag(single, e)) {
      return;
    }
    Shape hit = canvas.shapeAt(pressX, pressY);
    boolean adding = e.isShortcutDown() || e.isShiftDown();
    if (hit != null) {
      if (adding) {
        if (!canvas.selection().remove(hit.id())) {
          canvas.selection().add(hit.id());
        }
        return;
      }
      if (!canvas.selection().contains(hit.id())) {
        canvas.select(List.of(hit.id()));
      }
      for (Shape s : canvas.selectedShapes()) {
        if (!canvas.document().isLocked(s.id())) {
          originals.put(s.id(), s.label());
        }
      }
      mode = Mode.MOVE;
      editName = Messages.text("edit.move", originals.size());
    } else {
      if (!adding) {
        canvas.selection().clear();
      }
      mode = Mode.BAND;
    }
  }

  /** The one selected shape when it can be edited (not locked or hidden), else null. */
  private Shape editableSingle() {
    if (canvas.selection().size() != 1) {
      return null;
    }
    Shape s = canvas.document().find(canvas.selection().iterator().next());
    return s == null || canvas.document().isLocked(s.id()) || canvas.document().isHidden(s.id()) ? null : s;
  }

  private boolean startHandleDrag(Shape shape, MouseEvent e) {
    Viewport vp = canvas.viewport();
    double tol = canvas.hitTolerance() + 2;
    Label label = shape.label();
    target = shape.id();
    start = label;
    if (label instanceof PoseLabel p) {
      int k = HitTest.nearestKeypoint(p, vp, pressX, pressY, tol);
      if (k >= 0) {
        if (e.isShiftDown()) {
          canvas.commit(ChangeShapes.of(
              Messages.text("edit.keypointVisibility"), shape.id(), p, Keypoints.cycleVisibility(p, k)));
          return true;
        }
        return begin(Mode.KEYPOINT, k, Messages.text("edit.moveKeypoint"));
      }
    }
    if (label instanceof BoxLabel || label instanceof PoseLabel) {
      int h = HitTest.nearestHandle(boxHandles(label), vp, pressX, pressY, tol);
      return h >= 0 && begin(Mode.HANDLE, h, Messages.text("edit.resize"));
    }
    if (label instanceof ObbLabel o) {
      double[] r = rotationHandle(o, vp);
      if (Math.hypot(r[0] - pressX, r[1] - pressY) <= tol) {
        return begin(Mode.ROTATE, 0, Messages.text("edit.rotate"));
      }
      int c = HitTest.nearestVertex(o.corners(), vp, pressX, pressY, tol);
      return c >= 0 && begin(Mode.HANDLE, c, Messages.text("edit.resize"));
    }
    if (label instanceof PolygonLabel p) {
      int v = HitTest.nearestVertex(p.points(), vp, pressX, pressY, tol);
      if (v >= 0) {
        return begin(Mode.VERTEX, v, Messages.text("edit.moveVertex"));
      }
      double[] edge = HitTest.nearestEdge(p.points(), vp, pressX, pressY);
      if (edge[1] <= tol) {
        start = Geometry.insertVertex(p, (int) edge[0], edge[2], edge[3]);
        begin(Mode.VERTEX, (int) edge[0] + 1, Messages.text("edit.addVertex"));
        canvas.setPreview(Map.of(target, start));
        return true;
      }
    }
    return false;
  }

  private boolean begin(Mode newMode, int handleIndex, String name) {
    mode = newMode;
    handle = handleIndex;
    editName = name;
    originals.put(target, canvas.document().find(target).label());
    return true;
  }

  private static double[] boxHandles(Label label) {
    if (label instanceof BoxLabel b) {
      return Geometry.boxHandles(b.cx(), b.cy(), b.w(), b.h());
    }
    PoseLabel p = (PoseLabel) label;
    return Geometry.boxHandles(p.cx(), p.cy(), p.w(), p.h());
  }

  /** The rotation handle of an oriented box, in view pixels: outside the middle of its first edge. */
  private static double[] rotationHandle(ObbLabel o, Viewport vp) {
    Coords c = o.corners();
    double ax = vp.viewX(c.get(0)), ay = vp.viewY(c.get(1)), bx = vp.viewX(c.get(2)), by = vp.viewY(c.get(3));
    double[] centre = Geometry.centre(o);
    double mx = (ax + bx) / 2, my = (ay + by) / 2;
    double dx = mx - vp.viewX(centre[0]), dy = my - vp.viewY(centre[1]);
    double len = Math.hypot(dx, dy);
    if (len < 1e-9) {
      return new double[] {mx, my - ROTATION_HANDLE_DISTANCE};
    }
    return new double[] {mx + dx / len * ROTATION_HANDLE_DISTANCE, my + dy / len * ROTATION_HANDLE_DISTANCE};
  }

  @Override
  public void dragged(MouseEvent e) {
    Viewport vp = canvas.viewport();
    lastX = e.getX();
    lastY = e.getY();
    double nx = vp.normX(lastX), ny = vp.normY(lastY);
    Map<Long, Label> preview = new LinkedHashMap<>();
    switch (mode) {
      case MOVE -> {
        double dx = vp.normWidth(lastX - pressX), dy = vp.normHeight(lastY - pressY);
        originals.forEach((id, label) -> preview.put(id, Geometry.translate(label, dx, dy)));
      }
      case HANDLE -> preview.put(target, start instanceof ObbLabel o
          ? Geometry.resizeObb(o, handle, nx, ny, vp.imageWidth(), vp.imageHeight())
          : Geometry.resize(start, handle, nx, ny));
      case VERTEX -> preview.put(target, Geometry.moveVertex((PolygonLabel) start, handle, nx, ny));
      case KEYPOINT -> preview.put(target, Keypoints.move((PoseLabel) start, handle, nx, ny));
      case ROTATE -> {
        ObbLabel o = (ObbLabel) start;
        double[] c = Geometry.centre(o);
        double cx = vp.viewX(c[0]), cy = vp.viewY(c[1]);
        double angle = Math.atan2(lastY - cy, lastX - cx) - Math.atan2(pressY - cy, pressX - cx);
        if (e.isShiftDown()) {
          angle = Math.toRadians(Math.round(Math.toDegrees(angle) / 15) * 15);
        }
        preview.put(target, Geometry.rotate(o, angle, vp.imageWidth(), vp.imageHeight()));
      }
      case BAND -> canvas.markOverlayDirty();
      default -> {
        return;
      }
    }
    if (mode != Mode.BAND) {
      canvas.setPreview(preview);
    }
  }

  @Override
  public void released(MouseEvent e) {
    Viewport vp = canvas.viewport();
    if (mode == Mode.BAND) {
      if (Math.abs(e.getX() - pressX) > 2 || Math.abs(e.getY() - pressY) > 2) {
        List<Long> inside = canvas.shapesInside(
            vp.normX(Math.min(pressX, e.getX())), vp.normY(Math.min(pressY, e.getY())),
            vp.normX(Math.max(pressX, e.getX())), vp.normY(Math.max(pressY, e.getY())));
        canvas.selection().addAll(inside);
      }
    } else if (mode != Mode.NONE) {
      dragged(e);
      Map<Long, Label> after = new LinkedHashMap<>();
      for (Long id : originals.keySet()) {
        Shape shape = canvas.document().find(id);
        after.put(id, shape == null ? originals.get(id) : canvas.shown(shape));
      }
      canvas.setPreview(Map.of());
      canvas.commit(new ChangeShapes(editName, originals, after));
    }
    mode = Mode.NONE;
    originals.clear();
    canvas.markOverlayDirty();
  }

  @Override
  public void moved(MouseEvent e) {
    lastX = e.getX();
    lastY = e.getY();
    Shape hit = canvas.shapeAt(lastX, lastY);
    canvas.hoveredProperty().set(hit == null ? null : hit.id());
    canvas.setCursor(overHandle() ? Cursor.HAND : hit != null ? Cursor.MOVE : Cursor.DEFAULT);
  }

  /** Whether the pointer is over a handle, vertex or keypoint of the one selected shape. */
  private boolean overHandle() {
    Shape single = editableSingle();
    if (single == null) {
      return false;
    }
    Viewport vp = canvas.viewport();
    double tol = canvas.hitTolerance() + 2;
    Label label = single.label();
    if (label instanceof PoseLabel p && HitTest.nearestKeypoint(p, vp, lastX, lastY, tol) >= 0) {
      return true;
    }
    if (label instanceof BoxLabel || label instanceof PoseLabel) {
      return HitTest.nearestHandle(boxHandles(label), vp, lastX, lastY, tol) >= 0;
    }
    if (label instanceof ObbLabel o) {
      double[] r = rotationHandle(o, vp);
      return Math.hypot(r[0] - lastX, r[1] - lastY) <= tol || HitTest.nearestVertex(o.corners(), vp, lastX, lastY, tol) >= 0;
    }
    if (label instanceof PolygonLabel p) {
      return HitTest.nearestVertex(p.points(), vp, lastX, lastY, tol) >= 0
          || HitTest.nearestEdge(p.points(), vp, lastX, lastY)[1] <= tol;
    }
    return false;
  }

  /** Deletes the polygon vertex under the pointer of the one selected polygon; true when done. */
  boolean deleteVertexUnderPointer() {
    Shape single = editableSingle();
    if (single != null && single.label() instanceof PolygonLabel p && p.vertexCount() > 3) {
      int v = HitTest.nearestVertex(p.points(), canvas.viewport(), lastX, lastY, canvas.hitTolerance() + 2);
      if (v >= 0) {
        canvas.commit(
            ChangeShapes.of(Messages.text("edit.deleteVertex"), single.id(), p, Geometry.deleteVertex(p, v)));
        return true;
      }
    }
    return false;
  }

  /** Cycles the visibility of the keypoint under the pointer of the one selected pose; true when done. */
  boolean cycleKeypointUnderPointer() {
    Shape single = editableSingle();
    if (single != null && single.label() instanceof PoseLabel p) {
      int k = HitTest.nearestKeypoint(p, canvas.viewport(), lastX, lastY, canvas.hitTolerance() + 2);
      if (k >= 0) {
        canvas.commit(ChangeShapes.of(
            Messages.text("edit.keypointVisibility"), single.id(), p, Keypoints.cycleVisibility(p, k)));
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean cancel() {
    boolean busy = mode != Mode.NONE;
    if (busy) {
      canvas.setPreview(Map.of());
    }
    mode = Mode.NONE;
    originals.clear();
    return busy;
  }

  @Override
  public void drawOverlay(GraphicsContext gc) {
    if (mode == Mode.BAND) {
      gc.setStroke(Color.WHITE);
      gc.setLineWidth(1);
      gc.setLineDashes(4, 4);
      gc.strokeRect(Math.min(pressX, lastX) + 0.5, Math.min(pressY, lastY) + 0.5,
          Math.abs(lastX - pressX), Math.abs(lastY - pressY));
      gc.setLineDashes(null);
    }
  }

  /** Handles of the one selected shape. */
  void drawHandles(GraphicsContext gc) {
    Shape single = editableSingle();
    if (single == null) {
      return;
    }
    Viewport vp = canvas.viewport();
    Label label = canvas.shown(single);
    gc.setLineWidth(1);
    if (label instanceof BoxLabel || label instanceof PoseLabel) {
      squares(gc, vp, boxHandles(label));
    } else if (label instanceof PolygonLabel p) {
      squares(gc, vp, p.points().toArray());
    } else if (label instanceof ObbLabel o) {
      squares(gc, vp, o.corners().toArray());
      double[] r = rotationHandle(o, vp);
      Coords c = o.corners();
      gc.setStroke(Color.WHITE);
      gc.strokeLine((vp.viewX(c.get(0)) + vp.viewX(c.get(2))) / 2, (vp.viewY(c.get(1)) + vp.viewY(c.get(3))) / 2, r[0], r[1]);
      gc.setFill(Color.WHITE);
      gc.fillOval(r[0] - 5, r[1] - 5, 10, 10);
      gc.setStroke(Color.BLACK);
      gc.strokeOval(r[0] - 5, r[1] - 5, 10, 10);
    }
  }

  private static void squares(GraphicsContext gc, Viewport vp, double[] xy) {
    gc.setFill(Color.WHITE);
    gc.setStroke(Color.BLACK);
    for (int i = 0; i + 1 < xy.length; i += 2) {
      double x = Math.round(vp.viewX(xy[i])), y = Math.round(vp.viewY(xy[i + 1]));
      gc.fillRect(x - 4, y - 4, 8, 8);
      gc.strokeRect(x - 3.5, y - 3.5, 7, 7);
    }
  }
}
