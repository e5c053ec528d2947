package dev.loupe.labeling.canvas;

import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.geom.Geometry;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.AddShapes;
import dev.loupe.labeling.model.Shape;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * Draws a polygon (P): click each vertex; Enter, a double-click or a click on the first vertex
 * closes it; Backspace takes back the last vertex; Esc drops it.
 */
final class PolygonTool implements Tool {
  private static final double CLOSE_DISTANCE = 8;

  private final LabelCanvas canvas;
  private final List<double[]> points = new ArrayList<>(); // normalized
  private double pointerX, pointerY;

  PolygonTool(LabelCanvas canvas) {
    this.canvas = canvas;
  }

  @Override
  public String hint() {
    return points.isEmpty() ? Messages.text("hint.polygon.first") : Messages.text("hint.polygon.next", points.size());
  }

  @Override
  public void clicked(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
      return;
    }
    Viewport vp = canvas.viewport();
    if (e.getClickCount() >= 2) {
      close();
      return;
    }
    if (points.size() >= 3) {
      double[] first = points.get(0);
      if (Math.hypot(vp.viewX(first[0]) - e.getX(), vp.viewY(first[1]) - e.getY()) <= CLOSE_DISTANCE) {
        close();
        return;
      }
    }
    points.add(new double[] {Geometry.clamp(vp.normX(e.getX())), Geometry.clamp(vp.normY(e.getY()))});
    canvas.updateHint();
    canvas.markOverlayDirty();
  }

  @Override
  public void moved(MouseEvent e) {
    pointerX = e.getX();
    pointerY = e.getY();
    if (!points.isEmpty()) {
      canvas.markOverlayDirty();
    }
  }

  @Override
  public boolean keyPressed(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER && !points.isEmpty()) {
      close();
      return true;
    }
    if (e.getCode() == KeyCode.BACK_SPACE && !points.isEmpty()) {
      points.remove(points.size() - 1);
      canvas.updateHint();
      canvas.markOverlayDirty();
      return true;
    }
    return false;
  }

  private void close() {
    if (points.size() >= 3) {
      double[] xy = new double[points.size() * 2];
      for (int i = 0; i < points.size(); i++) {
        xy[i * 2] = points.get(i)[0];
        xy[i * 2 + 1] = points.get(i)[1];
      }
      Shape shape = canvas.document().newShape(new PolygonLabel(canvas.currentClassProperty().get(), Coords.of(xy)));
      canvas.commit(new AddShapes(Messages.text("edit.drawPolygon"), List.of(shape)));
      canvas.select(List.of(shape.id()));
    }
    points.clear();
    canvas.updateHint();
    canvas.markOverlayDirty();
  }

  @Override
  public boolean cancel() {
    boolean had = !points.isEmpty();
    points.clear();
    canvas.updateHint();
    return had;
  }

  @Override
  public void drawOverlay(GraphicsContext gc) {
    if (points.isEmpty()) {
      return;
    }
    Viewport vp = canvas.viewport();
    Color color = canvas.paletteColor(canvas.currentClassProperty().get());
    gc.setStroke(color);
    gc.setLineWidth(2);
    gc.beginPath();
    gc.moveTo(vp.viewX(points.get(0)[0]), vp.viewY(points.get(0)[1]));
    for (double[] p : points) {
      gc.lineTo(vp.viewX(p[0]), vp.viewY(p[1]));
    }
    gc.lineTo(pointerX, pointerY);
    gc.stroke();
    gc.setFill(Color.WHITE);
    for (double[] p : points) {
      gc.fillRect(vp.viewX(p[0]) - 3, vp.viewY(p[1]) - 3, 6, 6);
    }
  }
}
