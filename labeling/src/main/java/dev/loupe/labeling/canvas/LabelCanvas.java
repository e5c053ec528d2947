package dev.loupe.labeling.canvas;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.labeling.ClassPalette;
import dev.loupe.labeling.geom.HitTest;
import dev.loupe.labeling.geom.ShapeIndex;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.Edit;
import dev.loupe.labeling.model.LabelDocument;
import dev.loupe.labeling.model.Shape;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/**
 * The labeling canvas: an image with its labels, zoom (wheel about the cursor, {@link #fit()}, {@link
 * #actualSize()}) and pan (Space+drag or middle drag), and the drawing {@link ToolKind tools}.
 *
 * <p>Built for thousands of labels: three view-sized canvases (never image-sized). The lowest holds
 * the image, drawn from a copy pre-scaled to the zoom. The middle one holds every label that is not
 * selected; it is redrawn when the labels, the selection or the view change, and then only the
 * labels on screen (found by a {@link ShapeIndex}) with paint set once per class. While the view is
 * dragged ({@link #panBy}) it is moved with the image instead (by whole pixels, so up to half a pixel
 * off the image until it is redrawn), and redrawn once the view rests or has moved an eighth of the
 * view's size, which brings in the labels coming into view. The upper, light one holds the selection,
 * its handles, the hovered label and the tool's work in progress, and is redrawn as the mouse moves.
 *
 * <p>The canvas shows a {@link LabelDocument} and never changes it itself: finished work goes out as
 * {@link Edit}s to the edit sink (the session applies, records for undo and saves them).
 *
 * <p>The colours around the image come from CSS (style class {@code label-canvas}), so the application's
 * theme sets them: {@code -loupe-canvas-background} (the view around the image), {@code
 * -loupe-canvas-placeholder} (the image's place while it loads) and {@code -loupe-tag-background} (behind
 * the class names written on the labels). Each defaults to the dark look; a change redraws the canvas.
 */
public class LabelCanvas extends Region {
  /** The dark look's colours, the defaults of the styleable ones. */
  static final Color BACKGROUND = Color.rgb(40, 40, 44);
  static final Color PLACEHOLDER = Color.rgb(70, 70, 76);
  private static final StyleablePropertyFactory<LabelCanvas> STYLES =
      new StyleablePropertyFactory<>(Region.getClassCssMetaData());
  private static final double HIT_TOLERANCE = 5;

  /** After the last step of a pan, how long the view rests before the moved labels are redrawn. */
  private static final Duration PAN_REST = Duration.millis(120);
  /** A drag moves the label layer at most max(this, an eighth of the view) before it is redrawn. */
  private static final double MIN_REDRAW_SHIFT = 32;

  private final Canvas base = new Canvas();
  private final Canvas labelLayer = new Canvas();
  private final Canvas overlay = new Canvas();
  private final PauseTransition panRest = new PauseTransition(PAN_REST);
  private final ShapeRenderer renderer;
  private final ClassPalette palette;
  private final ObservableSet<Long> selection = FXCollections.observableSet(new java.util.LinkedHashSet<>());
  private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<Long> hovered = new SimpleObjectProperty<>();
  private final IntegerProperty currentClass = new SimpleIntegerProperty(0);
  private final ObjectProperty<ToolKind> tool = new SimpleObjectProperty<>(ToolKind.SELECT);
  private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
  private final DoubleProperty labelTextSize = new SimpleDoubleProperty(ShapeRenderer.DEFAULT_TEXT_SIZE);
  private final Map<ToolKind, Tool> tools = new EnumMap<>(ToolKind.class);
  private final Runnable documentListener = this::documentChanged;
  private final StyleableObjectProperty<Color> background = (StyleableObjectProperty<Color>)
      STYLES.createStyleableColorProperty(this, "background", "-loupe-canvas-background", c -> c.background,
          BACKGROUND);
  private final StyleableObjectProperty<Color> placeholder = (StyleableObjectProperty<Color>)
      STYLES.createStyleableColorProperty(this, "placeholder", "-loupe-canvas-placeholder", c -> c.placeholder,
          PLACEHOLDER);
  private final StyleableObjectProperty<Color> tagBackground = (StyleableObjectProperty<Color>)
      STYLES.createStyleableColorProperty(this, "tagBackground", "-loupe-tag-background", c -> c.tagBackground,
          ShapeRenderer.TAG);

  private ScaledImageCache image;
  private boolean imageReduced;
  private LabelDocument document = new LabelDocument();
  private List<Label> labels = List.of();
  /** The image-class labels among them, written in the view's corner. */
  private List<Label> imageClasses = List.of();
  private ShapeIndex index = new ShapeIndex(List.of());
  private Consumer<Edit> editSink = edit -> document.batch(() -> edit.apply(document));
  private Runnable onFullResolutionWanted = () -> {};
  /** Labels shown in place of the document's while a drag is in progress, by shape id. */
  private Map<Long, Label> preview = Map.of();
  private boolean baseDirty = true;
  private boolean labelsDirty = true;
  private boolean overlayDirty = true;
  /** The view the label layer was drawn for (it is moved, not redrawn, while the view is dragged). */
  private Viewport labelsDrawnFor;
  private boolean fitPending = true;
  private boolean spaceDown;
  private double panX, panY;
  private boolean panning;
  private long lastBaseNanos;
  private double polygonFill = 0.15;
  private int keypointCount; // kpt_shape of a pose dataset (0: not a pose dataset)
  private int keypointDims = 3;

  public LabelCanvas(ClassPalette palette) {
    this.palette = palette;
    this.renderer = new ShapeRenderer(palette);
    getStyleClass().add("label-canvas");
    background.addListener(x -> markImageDirty());
    placeholder.addListener(x -> markImageDirty());
    tagBackground.addListener((o, was, now) -> {
      renderer.setTagBackground(now);
      markLabelsDirty();
    });
    overlay.setMouseTransparent(true);
    labelLayer.setMouseTransparent(true);
    getChildren().addAll(base, labelLayer, overlay);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip); // the label layer, moved while panning, must not show outside the view
    panRest.setOnFinished(e -> markLabelsDirty());
    setFocusTraversable(true);
    setMinSize(100, 100);
    setPrefSize(800, 600);
    tools.put(ToolKind.SELECT, new SelectTool(this));
    tools.put(ToolKind.BOX, new BoxTool(this, false));
    tools.put(ToolKind.OBB, new BoxTool(this, true));
    tools.put(ToolKind.POLYGON, new PolygonTool(this));
    tools.put(ToolKind.KEYPOINTS, new KeypointTool(this));
    selection.addListener((SetChangeListener<Long>) c -> markLabelsDirty());
    labelTextSize.addListener((obs, old, now) -> {
      renderer.setTextSize(now.doubleValue());
      markLabelsDirty();
    });
    hovered.addListener((obs, old, now) -> markOverlayDirty());
    tool.addListener(
        (obs, old, now) -> {
          if (old != null) {
            tools.get(old).cancel();
          }
          setCursor(activeTool().cursor());
          updateHint();
          markOverlayDirty();
        });
    setCursor(activeTool().cursor());
    addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    addEventHandler(MouseEvent.MOUSE_MOVED, e -> activeTool().moved(e));
    addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (!panning) {
        activeTool().clicked(e);
      }
    });
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(null));
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
    return STYLES.getCssMetaData();
  }

  // ---- what is shown -------------------------------------------------------------------------

  /**
   * Shows an image whose label space is {@code width x height} pixels (the decoded image may be
   * smaller: a reduced copy is stretched to that size). Keeps the zoom when the size is the same as
   * before; a first image, or one of another size, is fitted.
   */
  public void setImage(Image picture, double width, double height, boolean reduced) {
    setImage(picture, width, height, reduced, null);
  }

  /**
   * As {@link #setImage(Image, double, double, boolean)}, with a copy already scaled to fit the view
   * (the session makes it while prefetching), so the first frame needs no scaling.
   */
  public void setImage(Image picture, double width, double height, boolean reduced, Image fitted) {
    Viewport vp = viewport.get();
    if (vp == null || vp.imageWidth() != width || vp.imageHeight() != height) {
      viewport.set(new Viewport(width, height, 1, 0, 0));
      fitPending = true;
      requestLayout();
    }
    image = picture == null ? null : new ScaledImageCache(picture, this::markImageDirty);
    if (image != null) {
      image.seed(fitted);
    }
    imageReduced = reduced;
    markAllDirty();
  }

  /** Replaces the pixels of the image on screen (the full resolution arriving), keeping the view. */
  public void replaceImage(Image picture, boolean reduced) {
    image = picture == null ? null : new ScaledImageCache(picture, this::markImageDirty);
    imageReduced = reduced;
    markAllDirty();
  }

  /** Shows a document (the labels of the image); selection and work in progress are dropped. */
  public void setDocument(LabelDocument newDocument) {
    activeTool().cancel();
    document.removeListener(documentListener);
    document = newDocument;
    document.addListener(documentListener);
    selection.clear();
    hovered.set(null);
    documentChanged();
  }

  public LabelDocument document() {
    return document;
  }

  public void setClassNames(List<String> names) {
    renderer.setClassNames(names);
    markLabelsDirty();
  }

  public void setSkeleton(Skeleton skeleton) {
    renderer.setSkeleton(skeleton);
    markLabelsDirty();
  }

  /** The keypoint layout of a pose dataset (kpt_shape) and its skeleton. */
  public void setPoseSpec(int keypoints, int dims, Skeleton skeleton) {
    keypointCount = keypoints;
    keypointDims = dims;
    setSkeleton(skeleton);
  }

  int keypointCount() {
    return keypointCount;
  }

  int keypointDims() {
    return keypointDims;
  }

  /**
   * The size of the class names (and prediction tags) written on the canvas, in view pixels: the same
   * at every zoom (default 13).
   */
  public DoubleProperty labelTextSizeProperty() {
    return labelTextSize;
  }

  /** Opacity of the fill of polygons and rotated boxes that are not selected (0 draws outlines only). */
  public void setPolygonFill(double opacity) {
    polygonFill = opacity;
    markLabelsDirty();
  }

  /** Where finished edits go; the default applies them to the document without undo. */
  public void setEditSink(Consumer<Edit> sink) {
    editSink = sink;
  }

  /** Called when the user zooms past the pixels of a reduced image: time to read the full one. */
  public void setOnFullResolutionWanted(Runnable action) {
    onFullResolutionWanted = action;
  }

  public ObservableSet<Long> selection() {
    return selection;
  }

  /** The label under the pointer, or the one hovered in the label list (highlighted). */
  public ObjectProperty<Long> hoveredProperty() {
    return hovered;
  }

  /** The class new labels get. */
  public IntegerProperty currentClassProperty() {
    return currentClass;
  }

  public ObjectProperty<ToolKind> toolProperty() {
    return tool;
  }

  public ReadOnlyObjectProperty<Viewport> viewportProperty() {
    return viewport.getReadOnlyProperty();
  }

  public Viewport viewport() {
    return viewport.get();
  }

  /** What the active tool expects next, for the status bar. */
  public ReadOnlyStringProperty hintProperty() {
    return hint.getReadOnlyProperty();
  }

  // ---- view ------------------------------------------------------------------------------------

  public void fit() {
    Viewport vp = viewport.get();
    if (vp != null && getWidth() > 0 && getHeight() > 0) {
      setViewport(Viewport.fit(vp.imageWidth(), vp.imageHeight(), getWidth(), getHeight()));
      fitPending = false;
    } else {
      fitPending = true;
    }
  }

  public void actualSize() {
    Viewport vp = viewport.get();
    if (vp != null) {
      setViewport(Viewport.actualSize(vp.imageWidth(), vp.imageHeight(), getWidth(), getHeight()));
    }
  }

  /** Zooms about the centre of the view. */
  public void zoomBy(double factor) {
    Viewport vp = viewport.get();
    if (vp != null) {
      setViewport(vp.zoomAt(factor, getWidth() / 2, getHeight() / 2));
    }
  }

  public void setViewport(Viewport vp) {
    viewport.set(vp);
    fitPending = false;
    markAllDirty();
    if (imageReduced && image != null && vp.zoom() * vp.imageWidth() / image.source().getWidth() > 1.05) {
      imageReduced = false; // ask once
      onFullResolutionWanted.run();
    }
  }

  /**
   * Moves the view by (dx, dy) view pixels, as a drag does: the image is redrawn, the labels' layer
   * is moved along (by whole pixels) and redrawn once the view has rested ({@link #PAN_REST}) or it
   * has moved an eighth of the view (at least {@link #MIN_REDRAW_SHIFT} px) from where it was drawn.
   */
  public void panBy(double dx, double dy) {
    Viewport vp = viewport.get();
    if (vp == null) {
      return;
    }
    Viewport moved = vp.panBy(dx, dy);
    Viewport drawn = labelsDrawnFor;
    double shiftX = drawn == null ? 0 : Math.round(moved.offsetX() - drawn.offsetX());
    double shiftY = drawn == null ? 0 : Math.round(moved.offsetY() - drawn.offsetY());
    double far = Math.max(MIN_REDRAW_SHIFT, Math.min(getWidth(), getHeight()) / 8);
    if (drawn == null || labelsDirty || drawn.zoom() != moved.zoom()
        || drawn.imageWidth() != moved.imageWidth() || drawn.imageHeight() != moved.imageHeight()
        || Math.abs(shiftX) > far || Math.abs(shiftY) > far) {
      setViewport(moved); // everything redrawn: the labels coming into view are drawn too
      return;
    }
    viewport.set(moved);
    fitPending = false;
    labelLayer.setTranslateX(shiftX);
    labelLayer.setTranslateY(shiftY);
    markImageDirty();
    panRest.playFromStart();
  }

  /** How long the view must rest after a pan before the labels are redrawn (tests lengthen it). */
  void setPanRest(Duration rest) {
    panRest.setDuration(rest);
  }

  /** How far the label layer is moved from where it was drawn: (0, 0) once it is redrawn. */
  double[] labelLayerShift() {
    return new double[] {labelLayer.getTranslateX(), labelLayer.getTranslateY()};
  }

  /** Pan mode while Space is held (the view forwards Space presses and releases). */
  public void setSpaceDown(boolean down) {
    spaceDown = down;
    setCursor(down ? Cursor.OPEN_HAND : activeTool().cursor());
  }

  private void scrolled(ScrollEvent e) {
    if (viewport.get() == null || e.getDeltaY() == 0) {
      return;
    }
    double factor = Math.pow(1.0015, e.getDeltaY());
    setViewport(viewport.get().zoomAt(factor, e.getX(), e.getY()));
    e.consume();
  }

  private void pressed(MouseEvent e) {
    requestFocus();
    if (e.getButton() == MouseButton.MIDDLE || (spaceDown && e.getButton() == MouseButton.PRIMARY)) {
      panning = true;
      panX = e.getX();
      panY = e.getY();
      setCursor(Cursor.CLOSED_HAND);
      return;
    }
    panning = false;
    if (viewport.get() != null) {
      activeTool().pressed(e);
    }
  }

  private void dragged(MouseEvent e) {
    if (panning) {
      panBy(e.getX() - panX, e.getY() - panY);
      panX = e.getX();
      panY = e.getY();
      return;
    }
    if (viewport.get() != null) {
      activeTool().dragged(e);
    }
  }

  private void released(MouseEvent e) {
    if (panning) {
      setCursor(spaceDown ? Cursor.OPEN_HAND : activeTool().cursor());
      return; // stays "panning" until the click that follows is filtered out
    }
    if (viewport.get() != null) {
      activeTool().released(e);
    }
  }

  // ---- for tools -------------------------------------------------------------------------------

  Tool activeTool() {
    return tools.get(tool.get());
  }

  /** Hands a finished edit to the sink; empty changes are dropped. */
  void commit(Edit edit) {
    if (edit instanceof dev.loupe.labeling.model.ChangeShapes change && change.isEmpty()) {
      return;
    }
    editSink.accept(edit);
  }

  /** The label of a shape as shown now (a drag preview or the document's). */
  Label shown(Shape shape) {
    Label p = preview.get(shape.id());
    return p != null ? p : shape.label();
  }

  void setPreview(Map<Long, Label> labelsById) {
    preview = labelsById.isEmpty() ? Map.of() : new HashMap<>(labelsById);
    markOverlayDirty();
  }

  /** The topmost-smallest visible shape under the view point, or null. */
  Shape shapeAt(double vx, double vy) {
    int i = HitTest.pick(labels, index, viewport.get(), vx, vy, HIT_TOLERANCE,
        k -> document.isHidden(document.shapes().get(k).id()) || labels.get(k) instanceof ClassLabel);
    return i < 0 ? null : document.shapes().get(i);
  }

  /** Shapes whose bounds lie inside the normalized rectangle. */
  List<Long> shapesInside(double x0, double y0, double x1, double y1) {
    List<Long> ids = new ArrayList<>();
    for (int i : index.query(x0, y0, x1, y1)) {
      if (index.minX(i) >= x0 && index.maxX(i) <= x1 && index.minY(i) >= y0 && index.maxY(i) <= y1
          && !document.isHidden(document.shapes().get(i).id()) && !(labels.get(i) instanceof ClassLabel)) {
        ids.add(document.shapes().get(i).id());
      }
    }
    return ids;
  }

  Color paletteColor(int classId) {
    return palette.colorOf(classId);
  }

  /** Del on a polygon vertex under the pointer removes that vertex; true when it did. */
  public boolean deleteVertexUnderPointer() {
    return tool.get() == ToolKind.SELECT && ((SelectTool) tools.get(ToolKind.SELECT)).deleteVertexUnderPointer();
  }

  /** Cycles the visibility of the keypoint under the pointer (selected pose); true when it did. */
  public boolean cycleKeypointUnderPointer() {
    return tool.get() == ToolKind.SELECT && ((SelectTool) tools.get(ToolKind.SELECT)).cycleKeypointUnderPointer();
  }

  double hitTolerance() {
    return HIT_TOLERANCE;
  }

  void select(Collection<Long> ids) {
    selection.clear();
    selection.addAll(ids);
  }

  /** Selected shapes in drawing order. */
  List<Shape> selectedShapes() {
    List<Shape> out = new ArrayList<>();
    for (Shape s : document.shapes()) {
      if (selection.contains(s.id())) {
        out.add(s);
      }
    }
    return out;
  }

  void updateHint() {
    hint.set(activeTool().hint());
  }

  void markOverlayDirty() {
    overlayDirty = true;
    requestLayout();
  }

  /** The labels are redrawn at the next layout (they, their look or the selection changed). */
  void markLabelsDirty() {
    labelsDirty = true;
    markOverlayDirty();
  }

  /** The image and every label are redrawn at the next layout. */
  void markAllDirty() {
    labelsDirty = true;
    markImageDirty();
  }

  /** The image is redrawn at the next layout (a copy for the zoom is ready; the labels stay). */
  private void markImageDirty() {
    baseDirty = true;
    overlayDirty = true;
    requestLayout();
  }

  private void documentChanged() {
    labels = document.labels();
    imageClasses = labels.stream().filter(l -> l instanceof ClassLabel).toList();
    index = new ShapeIndex(labels);
    selection.removeIf(id -> document.find(id) == null);
    markLabelsDirty();
  }

  // ---- drawing ---------------------------------------------------------------------------------

  @Override
  protected void layoutChildren() {
    double w = Math.floor(getWidth()), h = Math.floor(getHeight());
    if (base.getWidth() != w || base.getHeight() != h) {
      base.setWidth(w);
      base.setHeight(h);
      overlay.setWidth(w);
      overlay.setHeight(h);
      labelLayer.setWidth(w);
      labelLayer.setHeight(h);
      baseDirty = true;
      labelsDirty = true;
      overlayDirty = true;
    }
    if (fitPending && w > 0 && h > 0 && viewport.get() != null) {
      fit();
    }
    renderNow();
  }

  /** Redraws what changed now (the benchmark calls this; normally the next pulse does it). */
  public void renderNow() {
    if (baseDirty || labelsDirty) {
      long start = System.nanoTime();
      if (baseDirty) {
        drawBase();
        baseDirty = false;
      }
      if (labelsDirty) {
        drawLabels();
        labelsDirty = false;
      }
      lastBaseNanos = System.nanoTime() - start;
    }
    if (overlayDirty) {
      drawOverlay();
      overlayDirty = false;
    }
  }

  /** Forces a full redraw of every layer at the next {@link #renderNow()}. */
  public void invalidate() {
    markAllDirty();
  }

  /**
   * Whether the image is drawn from a copy made for the current zoom (false for the frames right after
   * a zoom change, while the copy is made in the background).
   */
  public boolean isImageSettled() {
    Viewport vp = viewport.get();
    return image == null || vp == null || image.ready(vp.zoom() * vp.imageWidth() / image.source().getWidth());
  }

  /** Time the last redraw of the image and label layers took to issue (the FX pipeline renders after). */
  public long lastBaseNanos() {
    return lastBaseNanos;
  }

  private void drawBase() {
    GraphicsContext gc = base.getGraphicsContext2D();
    double w = base.getWidth(), h = base.getHeight();
    gc.setFill(background.get());
    gc.fillRect(0, 0, w, h);
    Viewport vp = viewport.get();
    if (vp == null) {
      return;
    }
    drawImage(gc, vp, w, h);
  }

  private void drawLabels() {
    GraphicsContext gc = labelLayer.getGraphicsContext2D();
    double w = labelLayer.getWidth(), h = labelLayer.getHeight();
    gc.clearRect(0, 0, w, h);
    labelLayer.setTranslateX(0);
    labelLayer.setTranslateY(0);
    panRest.stop();
    Viewport vp = viewport.get();
    labelsDrawnFor = vp;
    if (vp == null) {
      labelLayer.setVisible(false);
      return;
    }
    int[] visible = index.query(vp.normX(0), vp.normY(0), vp.normX(w), vp.normY(h));
    int count = 0;
    List<Label> pending = new ArrayList<>();
    List<Double> confidences = new ArrayList<>();
    for (int i : visible) {
      long id = document.shapes().get(i).id();
      if (!selection.contains(id) && !document.isHidden(id) && !(labels.get(i) instanceof ClassLabel)) {
        if (document.isPending(id)) {
          pending.add(labels.get(i));
          confidences.add(document.confidence(id));
        } else {
          visible[count++] = i;
        }
      }
    }
    renderer.draw(gc, labels, visible, count, vp, 2, 0, polygonFill, true);
    renderer.drawPending(gc, pending, confidences.stream().mapToDouble(Double::doubleValue).toArray(), vp);
    // an empty layer would still cost its composite every frame
    labelLayer.setVisible(count > 0 || !pending.isEmpty());
  }

  private void drawImage(GraphicsContext gc, Viewport vp, double w, double h) {
    if (image == null) {
      gc.setFill(placeholder.get());
      gc.fillRect(vp.offsetX(), vp.offsetY(), vp.imageWidth() * vp.zoom(), vp.imageHeight() * vp.zoom());
    } else {
      image.draw(gc, vp, w, h);
    }
  }

  private void drawOverlay() {
    GraphicsContext gc = overlay.getGraphicsContext2D();
    gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    Viewport vp = viewport.get();
    if (vp == null) {
      return;
    }
    renderer.drawImageClasses(gc, imageClasses); // fixed in the view's corner, above the labels
    List<Shape> selected = selectedShapes();
    List<Label> shown = new ArrayList<>(selected.size() + 1);
    for (Shape s : selected) {
      if (!document.isHidden(s.id())) {
        shown.add(shown(s));
      }
    }
    Long hover = hovered.get();
    Shape hoveredShape = hover == null || selection.contains(hover) ? null : document.find(hover);
    if (hoveredShape != null && !(hoveredShape.label() instanceof ClassLabel)) {
      shown.add(hoveredShape.label());
    }
    int[] all = new int[shown.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    renderer.draw(gc, shown, all, all.length, vp, 3, 0.28, 0.28, false);
    SelectTool select = (SelectTool) tools.get(ToolKind.SELECT);
    select.drawHandles(gc);
    if (tool.get() != ToolKind.SELECT) {
      activeTool().drawOverlay(gc);
    } else {
      select.drawOverlay(gc);
    }
  }

  /** The active tool's key handling (Enter, Backspace, V ...); true when used. */
  public boolean toolKey(javafx.scene.input.KeyEvent e) {
    return activeTool().keyPressed(e);
  }

  /** Esc: drops the tool's work in progress, else the selection; true when something was dropped. */
  public boolean cancel() {
    if (activeTool().cancel()) {
      markOverlayDirty();
      return true;
    }
    if (!selection.isEmpty()) {
      selection.clear();
      return true;
    }
    return false;
  }
}
