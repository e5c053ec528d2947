package dev.loupe.labeling.canvas;

import dev.loupe.core.domain.Label;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.geom.Geometry;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.AddShapes;
import dev.loupe.labeling.model.Shape;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * Draws an axis-aligned box by dragging from corner to corner (R), or an oriented box (O) that starts
 * axis-aligned and is then turned with its rotation handle in the select tool. Guide lines follow the
 * pointer across the whole image.
 */
final class BoxTool implements Tool {
  private static final double MIN_SIZE = 4;

  private final LabelCanvas canvas;
  private final boolean oriented;
  private boolean dragging;
  private double x0, y0, x1, y1;
  private boolean hasPointer;

  BoxTool(LabelCanvas canvas, boolean oriented) {
    this.canvas = canvas;
    this.oriented = oriented;
  }

  @Override
  public String hint() {
    return oriented ? Messages.text("hint.obb") : Messages.text("hint.box");
  }

  @Override
  public void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    dragging = true;
    x0 = x1 = e.getX();
    y0 = y1 = e.getY();
  }

  @Override
  public void dragged(MouseEvent e) {
    moved(e);
  }

  @Override
  public void moved(MouseEvent e) {
    x1 = e.getX();
    y1 = e.getY();
    hasPointer = true;
    canvas.markOverlayDirty();
  }

  @Override
  public void released(MouseEvent e) {
    if (!dragging) {
      return;
    }
    dragging = false;
    x1 = e.getX();
    y1 = e.getY();
    if (Math.abs(x1 - x0) < MIN_SIZE || Math.abs(y1 - y0) < MIN_SIZE) {
      canvas.markOverlayDirty();
      return;
    }
    Viewport vp = canvas.viewport();
    int classId = canvas.currentClassProperty().get();
    Label label = oriented
        ? Geometry.obbFromBox(classId, vp.normX(x0), vp.normY(y0), vp.normX(x1), vp.normY(y1))
        : Geometry.box(classId, vp.normX(x0), vp.normY(y0), vp.normX(x1), vp.normY(y1));
    Shape shape = canvas.document().newShape(label);
    String name = oriented ? Messages.text("edit.drawObb") : Messages.text("edit.drawBox");
    canvas.commit(new AddShapes(name, List.of(shape)));
    canvas.select(List.of(shape.id()));
  }

  @Override
  public boolean cancel() {
    boolean was = dragging;
    dragging = false;
    return was;
  }

  @Override
  public void drawOverlay(GraphicsContext gc) {
    if (!hasPointer) {
      return;
    }
    gc.setLineWidth(1);
    gc.setStroke(Color.rgb(255, 255, 255, 0.6));
    gc.strokeLine(Math.round(x1) + 0.5, 0, Math.round(x1) + 0.5, gc.getCanvas().getHeight());
    gc.strokeLine(0, Math.round(y1) + 0.5, gc.getCanvas().getWidth(), Math.round(y1) + 0.5);
    if (dragging) {
      gc.setLineWidth(2);
      gc.setStroke(canvas.paletteColor(canvas.currentClassProperty().get()));
      gc.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }
  }
}
