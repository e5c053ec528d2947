package dev.loupe.app.gui.labeling;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.ClassPalette;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * The labeling area until the labeling canvas is wired in: the image fitted to the area with its box
 * labels drawn in the class colours, its name, size and label count, and Previous / Next (also the
 * Left and Right keys) along the grid's order. Images load off the FX thread.
 */
public final class PreviewLabelingHost implements LabelingHost {
  private final Workspace workspace;
  private final ClassColorStore colors;
  private final Executor background;
  private final Executor fx;

  public PreviewLabelingHost(Workspace workspace, ClassColorStore colors, Executor background, Executor fx) {
    this.workspace = workspace;
    this.colors = colors;
    this.background = background;
    this.fx = fx;
  }

  @Override
  public Node open(Dataset dataset, List<String> orderedHashes, int startIndex) {
    return new Preview(dataset, orderedHashes, startIndex);
  }

  private final class Preview extends BorderPane {
    private final Dataset dataset;
    private final List<String> hashes;
    private final ClassPalette palette;
    private final ImageView view = new ImageView();
    private final Pane boxes = new Pane();
    private final javafx.scene.control.Label title = new javafx.scene.control.Label();
    private final javafx.scene.control.Label detail = new javafx.scene.control.Label();
    private final StackPane stage = new StackPane();
    private List<Label> labels = List.of();
    private int index;
    private int loading;

    Preview(Dataset dataset, List<String> hashes, int startIndex) {
      this.dataset = dataset;
      this.hashes = hashes;
      this.palette = colors.palette(dataset.id());
      getStyleClass().add("labeling-preview");
      setId("labeling-preview");
      Button prev = new Button(null, Icons.of(Icons.BACK));
      prev.setId("previous-image");
      prev.setOnAction(e -> show(index - 1));
      Button next = new Button(null, Icons.of(Icons.NEXT));
      next.setId("next-image");
      next.setOnAction(e -> show(index + 1));
      title.setId("labeling-title");
      title.getStyleClass().add("labeling-title");
      detail.getStyleClass().add("labeling-detail");
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      HBox bar = new HBox(10, title, detail, spacer, prev, next);
      bar.setAlignment(Pos.CENTER_LEFT);
      bar.setPadding(new Insets(6, 12, 6, 12));
      bar.getStyleClass().add("labeling-bar");
      setTop(bar);
      view.setPreserveRatio(true);
      view.setSmooth(true);
      Pane layer = new Pane(view, boxes);
      stage.getChildren().add(layer);
      stage.getStyleClass().add("labeling-stage");
      stage.setMinSize(0, 0);
      stage.widthProperty().addListener(x -> fit());
      stage.heightProperty().addListener(x -> fit());
      setCenter(stage);
      setFocusTraversable(true);
      setOnKeyPressed(e -> {
        switch (e.getCode()) {
          case RIGHT, PAGE_DOWN -> show(index + 1);
          case LEFT, PAGE_UP -> show(index - 1);
          default -> {
            return;
          }
        }
        e.consume();
      });
      show(startIndex);
    }

    private void show(int i) {
      if (i < 0 || i >= hashes.size()) {
        return;
      }
      index = i;
      int ticket = ++loading;
      title.setText(Messages.text("labeling.preview.loading"));
      background.execute(() -> {
        try {
          String hash = hashes.get(i);
          ImageRecord record = workspace.images().require(dataset.id(), hash);
          List<Label> found = workspace.labels().get(dataset.id(), hash);
          Image image;
          try (InputStream in = Files.newInputStream(workspace.content().path(hash))) {
            image = new Image(in);
          }
          fx.execute(() -> {
            if (ticket == loading) {
              shown(i, record, found, image);
            }
          });
        } catch (Exception e) {
          fx.execute(() -> title.setText(Messages.text("labeling.preview.failed", String.valueOf(e.getMessage()))));
        }
      });
    }

    private void shown(int i, ImageRecord record, List<Label> found, Image image) {
      labels = found;
      view.setImage(image);
      title.setText(record.filename());
      String text = Messages.text("labeling.preview.detail", record.labelCount(), String.valueOf(i + 1),
          String.format("%,d", hashes.size()), String.valueOf(record.width()), String.valueOf(record.height()),
          record.split().apiName());
      detail.setText(record.hasError() ? Messages.text("labeling.preview.error", text, record.errorReason()) : text);
      fit();
      requestFocus();
    }

    /** Fits the image to the area and draws the box labels over it. */
    private void fit() {
      Image image = view.getImage();
      boxes.getChildren().clear();
      if (image == null || stage.getWidth() <= 0 || stage.getHeight() <= 0) {
        return;
      }
      double scale = Math.min((stage.getWidth() - 24) / image.getWidth(), (stage.getHeight() - 24) / image.getHeight());
      double w = image.getWidth() * scale;
      double h = image.getHeight() * scale;
      double x0 = (stage.getWidth() - w) / 2;
      double y0 = (stage.getHeight() - h) / 2;
      view.setFitWidth(w);
      view.setFitHeight(h);
      view.relocate(x0, y0);
      for (Label l : labels) {
        if (l instanceof BoxLabel b) {
          Rectangle r = new Rectangle(x0 + (b.cx() - b.w() / 2) * w, y0 + (b.cy() - b.h() / 2) * h, b.w() * w, b.h() * h);
          r.setFill(palette.colorOf(b.classId()).deriveColor(0, 1, 1, 0.15));
          r.setStroke(palette.colorOf(b.classId()));
          r.setStrokeWidth(2);
          boxes.getChildren().add(r);
        }
      }
    }
  }
}
