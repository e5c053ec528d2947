package dev.loupe.labeling.canvas;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.geom.Geometry;
import dev.loupe.labeling.geom.Keypoints;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.AddShapes;
import dev.loupe.labeling.model.Shape;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/**
 * Draws a pose (K): drag the person's box, then click the keypoints in order. V marks the current
 * keypoint as not labeled and goes on, Backspace goes back one, Enter finishes (the rest not labeled).
 */
final class KeypointTool implements Tool {
  private final LabelCanvas canvas;
  private double x0, y0, x1, y1;
  private boolean dragging;
  private PoseLabel pose; // the pose being placed, after its box
  private int next;

  KeypointTool(LabelCanvas canvas) {
    this.canvas = canvas;
  }

  @Override
  public String hint() {
    if (canvas.keypointCount() == 0) {
      return Messages.text("hint.keypoints.noPose");
    }
    return pose == null ? Messages.text("hint.keypoints.box")
        : Messages.text("hint.keypoints.next", next + 1, pose.keypointCount());
  }

  @Override
  public void pressed(MouseEvent e) {
    if (pose == null && canvas.keypointCount() > 0 && e.getButton() == MouseButton.PRIMARY) {
      dragging = true;
      x0 = x1 = e.getX();
      y0 = y1 = e.getY();
    }
  }

  @Override
  public void dragged(MouseEvent e) {
    if (dragging) {
      x1 = e.getX();
      y1 = e.getY();
      canvas.markOverlayDirty();
    }
  }

  @Override
  public void released(MouseEvent e) {
    if (!dragging) {
      return;
    }
    dragging = false;
    if (Math.abs(e.getX() - x0) < 4 || Math.abs(e.getY() - y0) < 4) {
      canvas.markOverlayDirty();
      return;
    }
    Viewport vp = canvas.viewport();
    BoxLabel box = Geometry.box(canvas.currentClassProperty().get(), vp.normX(x0), vp.normY(y0), vp.normX(e.getX()), vp.normY(e.getY()));
    pose = new PoseLabel(box.classId(), box.cx(), box.cy(), box.w(), box.h(),
        Keypoints.unlabeled(canvas.keypointCount(), canvas.keypointDims()), canvas.keypointDims());
    next = 0;
    canvas.updateHint();
    canvas.markOverlayDirty();
  }

  @Override
  public void clicked(MouseEvent e) {
    if (pose == null || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
      return;
    }
    Viewport vp = canvas.viewport();
    pose = Keypoints.move(pose, next, vp.normX(e.getX()), vp.normY(e.getY()));
    advance();
  }

  private void advance() {
    next++;
    if (next >= pose.keypointCount()) {
      finish();
    } else {
      canvas.updateHint();
      canvas.markOverlayDirty();
    }
  }

  @Override
  public boolean keyPressed(KeyEvent e) {
    if (pose == null) {
      return false;
    }
    if (e.getCode() == KeyCode.V) {
      advance();
      return true;
    }
    if (e.getCode() == KeyCode.BACK_SPACE && next > 0) {
      next--;
      pose = Keypoints.unset(pose, next);
      canvas.updateHint();
      canvas.markOverlayDirty();
      return true;
    }
    if (e.getCode() == KeyCode.ENTER) {
      finish();
      return true;
    }
    return false;
  }

  private void finish() {
    Shape shape = canvas.document().newShape(pose);
    pose = null;
    canvas.commit(new AddShapes(Messages.text("edit.drawPose"), List.of(shape)));
    canvas.select(List.of(shape.id()));
    canvas.updateHint();
  }

  @Override
  public boolean cancel() {
    boolean busy = pose != null || dragging;
    pose = null;
    dragging = false;
    canvas.updateHint();
    return busy;
  }

  @Override
  public void drawOverlay(GraphicsContext gc) {
    Color color = canvas.paletteColor(canvas.currentClassProperty().get());
    gc.setStroke(color);
    gc.setLineWidth(2);
    if (dragging) {
      gc.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }
    if (pose != null) {
      Viewport vp = canvas.viewport();
      gc.strokeRect(vp.viewX(pose.cx() - pose.w() / 2), vp.viewY(pose.cy() - pose.h() / 2), pose.w() * vp.imageWidth() * vp.zoom(), pose.h() * vp.imageHeight() * vp.zoom());
      gc.setFill(Color.WHITE);
      for (int k = 0; k < pose.keypointCount(); k++) {
        if (Keypoints.isLabeled(pose, k)) {
          gc.fillOval(vp.viewX(Keypoints.x(pose, k)) - 4, vp.viewY(Keypoints.y(pose, k)) - 4, 8, 8);
        }
      }
    }
  }
}
