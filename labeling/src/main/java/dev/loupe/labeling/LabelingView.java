package dev.loupe.labeling;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.labeling.canvas.LabelCanvas;
import dev.loupe.labeling.canvas.Skeleton;
import dev.loupe.labeling.canvas.ToolKind;
import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import dev.loupe.labeling.keys.SceneKeys;
import dev.loupe.labeling.model.Edits;
import dev.loupe.labeling.session.LabelingSession;
import dev.loupe.labeling.session.OpenImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The labeling view: the {@link LabelCanvas}, its tools, the class palette, the label list and a
 * status bar, driven by the keyboard ({@link Keymap}; F1 lists the keys).
 *
 * <p>How the app embeds it:
 *
 * <pre>{@code
 * LabelingSession session = new LabelingSession(workspace, "my-dataset",
 *     LabelingSession.allImages(workspace, "my-dataset"));   // or any ordered list of image hashes
 * session.preLabelerProperty().set(hash -> detector.labels(hash));  // optional: pre-labelling
 * LabelingView view = new LabelingView(session);                     // a BorderPane: put it anywhere
 * view.useKeymapFile(workspace.root().resolve("keymap.json"));      // keys the user remaps are saved there
 * view.open(0);                                                       // first image (done by default)
 * ...
 * session.close();   // when the view is closed: writes the last edits, stops its threads
 * }</pre>
 *
 * Every edit is saved at once by the session (there is no Save button to forget; Ctrl+S only waits for
 * the writes); undo history is kept per image for the whole session.
 */
public class LabelingView extends BorderPane {
  private final LabelingSession session;
  private final Dataset dataset;
  private final ClassPalette palette = new ClassPalette();
  private final LabelCanvas canvas;
  private final LabelActions actions;
  private final ClassPanel classPanel;
  private final LabelListPanel labelList;
  private final HelpOverlay help = new HelpOverlay();
  private final javafx.scene.control.Label position = new javafx.scene.control.Label();
  private final javafx.scene.control.Label zoom = new javafx.scene.control.Label();
  /** Messages of the moment (copied, pre-labelling progress, a failure). */
  private final javafx.scene.control.Label status = new javafx.scene.control.Label();
  private final javafx.scene.control.Label saveStatus = new javafx.scene.control.Label();
  private final HBox progressBox = new HBox(6);
  private final Button undoButton = new Button(Messages.text("view.undo"));
  private final Button redoButton = new Button(Messages.text("view.redo"));
  private final ToggleGroup toolGroup = new ToggleGroup();
  private final Map<ToolKind, ToggleButton> toolButtons = new LinkedHashMap<>();
  private final ObjectProperty<Keymap> keymap = new SimpleObjectProperty<>(new Keymap(Keymap.Preset.DEFAULT));
  private java.nio.file.Path keymapFile;
  private Runnable removeKeys;
  private final DoubleProperty reviewThreshold = new SimpleDoubleProperty(0.5);
  private final ReviewBar reviewBar;

  public LabelingView(LabelingSession session) {
    this.session = session;
    this.dataset = session.dataset();
    this.canvas = new LabelCanvas(palette);
    canvas.setId("label-canvas");
    canvas.setClassNames(dataset.classNames());
    if (dataset.task() == Task.POSE && dataset.kptShape() != null) {
      canvas.setPoseSpec(dataset.kptShape().keypoints(), dataset.kptShape().dims(),
          Skeleton.of(dataset.kptShape().keypoints(), dataset.flipIdx(), dataset.extra()));
    }
    actions = new LabelActions(session, canvas, status::setText);
    canvas.setEditSink(actions::perform);
    classPanel = new ClassPanel(dataset.classNames(), palette, this::classPicked);
    labelList = new LabelListPanel(canvas, dataset.classNames(), palette,
        (id, classId) -> actions.perform(Edits.changeClass(canvas.document(), List.of(id), classId)));

    reviewBar = new ReviewBar(reviewThreshold, keymap::get, this::run);
    StackPane stack = new StackPane(canvas, help);
    VBox centre = new VBox(reviewBar, stack);
    VBox.setVgrow(stack, Priority.ALWAYS);
    VBox side = new VBox(classPanel, labelList);
    VBox.setVgrow(labelList, Priority.ALWAYS);
    side.setMinWidth(260);
    SplitPane split = new SplitPane(centre, side);
    split.setDividerPositions(0.78);
    SplitPane.setResizableWithParent(side, false);
    setCenter(split);
    setTop(toolbar());
    setBottom(statusBar());

    session.currentProperty().addListener((obs, old, now) -> show(now));
    saveStatus.textProperty().bind(session.saveStatusProperty());
    canvas.currentClassProperty().addListener((obs, old, now) -> classPanel.showCurrent(now.intValue()));
    canvas.viewportProperty().addListener(
        (obs, old, now) -> zoom.setText(now == null ? "" : Math.round(now.zoom() * 100) + "%"));
    canvas.setOnFullResolutionWanted(this::loadFullResolution);
    canvas.widthProperty().addListener((obs, old, now) -> session.setViewSize(canvas.getWidth(), canvas.getHeight()));
    canvas.heightProperty().addListener((obs, old, now) -> session.setViewSize(canvas.getWidth(), canvas.getHeight()));
    canvas.toolProperty().set(defaultTool(dataset.task()));
    classPanel.showCurrent(0);
    addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
        canvas.setSpaceDown(true);
        e.consume();
      }
    });
    addEventFilter(KeyEvent.KEY_RELEASED, e -> {
      if (e.getCode() == KeyCode.SPACE) {
        canvas.setSpaceDown(false);
        e.consume();
      }
    });
    keymap.addListener((obs, old, now) -> {
      updateTooltips();
      reviewBar.updateTooltips();
    });
    // the keys are handled at the scene, so they work wherever the focus is in the window
    sceneProperty().addListener((obs, oldScene, scene) -> {
      if (removeKeys != null) {
        removeKeys.run();
        removeKeys = null;
      }
      if (scene != null) {
        removeKeys = SceneKeys.of(scene).add(this::keyPressed);
      }
    });
    // a safety net: the app closes the session, but a window closed first still gets its edits written
    sceneProperty().addListener((obs, oldScene, scene) -> {
      if (scene != null) {
        scene.windowProperty().addListener((o, oldWindow, window) -> {
          if (window != null) {
            window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> session.flush());
          }
        });
      }
    });
    if (session.current() != null) {
      show(session.current());
    } else {
      session.goTo(0);
    }
  }

  /** Uses another keymap (the app loads it from its keymap file). */
  public void setKeymap(Keymap value) {
    keymap.set(value);
  }

  public Keymap keymap() {
    return keymap.get();
  }

  /** The keys of the view; the app binds it to the window's one keymap. */
  public ObjectProperty<Keymap> keymapProperty() {
    return keymap;
  }

  /**
   * Reads the keymap from a file the app chooses (for example {@code <workspace>/keymap.json}; a
   * missing file gives the default preset) and saves it there when the user remaps keys ("Edit keys").
   */
  public void useKeymapFile(java.nio.file.Path file) {
    keymapFile = file;
    try {
      Keymap loaded = Keymap.load(file);
      setKeymap(loaded);
      if (!loaded.problems().isEmpty()) {
        status.setText(Messages.text("view.keymapProblems", String.join("; ", loaded.problems())));
      }
    } catch (java.io.IOException e) {
      status.setText(Messages.text("view.keymapUnreadable", e.getMessage()));
    }
  }

  /** Opens the key editor; the new keys take effect at once and are saved to the keymap file. */
  public void editKeys() {
    KeymapEditor.of(keymap.get(), getScene()).showAndWait().ifPresent(edited -> {
      setKeymap(edited);
      if (keymapFile != null) {
        try {
          edited.save(keymapFile);
          status.setText(Messages.text("view.keysSaved", keymapFile.getFileName().toString()));
        } catch (java.io.IOException e) {
          status.setText(Messages.text("view.keysNotSaved", e.getMessage()));
        }
      }
    });
  }

  /**
   * The confidence below which "reject below" drops predictions (default 0.5; the app remembers it
   * per dataset).
   */
  public DoubleProperty reviewThresholdProperty() {
    return reviewThreshold;
  }

  /** Shows image {@code index} of the session's list. */
  public void open(int index) {
    session.goTo(index);
  }

  /** The canvas, for the app's own menus (zoom, tools). */
  public LabelCanvas canvas() {
    return canvas;
  }

  public LabelingSession session() {
    return session;
  }

  /** The class colours (the app may load the user's colours into it). */
  public ClassPalette palette() {
    return palette;
  }

  private static ToolKind defaultTool(Task task) {
    return switch (task) {
      case SEGMENT, SEMANTIC -> ToolKind.POLYGON;
      case OBB -> ToolKind.OBB;
      case POSE -> ToolKind.KEYPOINTS;
      case CLASSIFY -> ToolKind.SELECT;
      default -> ToolKind.BOX;
    };
  }

  /** The tools a dataset's task can use. */
  static List<ToolKind> toolsFor(Task task) {
    return switch (task) {
      case SEGMENT, SEMANTIC, DETECT -> List.of(ToolKind.SELECT, ToolKind.BOX, ToolKind.POLYGON);
      case OBB -> List.of(ToolKind.SELECT, ToolKind.OBB, ToolKind.BOX);
      case POSE -> List.of(ToolKind.SELECT, ToolKind.KEYPOINTS);
      case CLASSIFY -> List.of();
    };
  }

  private ToolBar toolbar() {
    Button previous = new Button("◀");
    previous.setId("previous-image");
    previous.setOnAction(e -> run(Action.PREVIOUS_IMAGE));
    Button next = new Button("▶");
    next.setId("next-image");
    next.setOnAction(e -> run(Action.NEXT_IMAGE));
    position.setId("image-position");
    ToolBar bar = new ToolBar(previous, next, position, new Separator());
    for (ToolKind kind : toolsFor(dataset.task())) {
      ToggleButton button = new ToggleButton(toolName(kind));
      button.setId("tool-" + kind.name().toLowerCase(java.util.Locale.ROOT));
      button.setToggleGroup(toolGroup);
      button.setFocusTraversable(false);
      button.setOnAction(e -> canvas.toolProperty().set(kind));
      toolButtons.put(kind, button);
      bar.getItems().add(button);
    }
    canvas.toolProperty().addListener((obs, old, now) -> selectToolButton(now));
    undoButton.setOnAction(e -> run(Action.UNDO));
    redoButton.setOnAction(e -> run(Action.REDO));
    Button fit = new Button(Messages.text("view.fit"));
    fit.setOnAction(e -> canvas.fit());
    Button actual = new Button("1:1");
    actual.setOnAction(e -> canvas.actualSize());
    Button preLabel = new Button(Messages.text("view.preLabelImage"));
    preLabel.setId("prelabel-image");
    preLabel.setOnAction(e -> run(Action.PRELABEL_IMAGE));
    Button preLabelAll = new Button(Messages.text("view.preLabelAll"));
    preLabelAll.setId("prelabel-all");
    preLabelAll.setOnAction(e -> preLabelAll());
    for (Button b : List.of(preLabel, preLabelAll)) {
      b.visibleProperty().bind(session.preLabelerProperty().isNotNull());
      b.managedProperty().bind(b.visibleProperty());
    }
    Spinner<Integer> textSize = new Spinner<>(8, 40, (int) canvas.labelTextSizeProperty().get(), 1);
    textSize.setId("label-text-size");
    textSize.setPrefWidth(70);
    textSize.setTooltip(new Tooltip(Messages.text("view.textSize.tooltip")));
    textSize.valueProperty().addListener((obs, old, now) -> canvas.labelTextSizeProperty().set(now));
    canvas.labelTextSizeProperty().addListener(
        (obs, old, now) -> textSize.getValueFactory().setValue(now.intValue()));
    Button keys = new Button(Messages.text("view.keys"));
    keys.setOnAction(e -> help.show(keymap.get()));
    Button editKeys = new Button(Messages.text("view.editKeys"));
    editKeys.setOnAction(e -> editKeys());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    bar.getItems().addAll(new Separator(), undoButton, redoButton, new Separator(), fit, actual,
        new Separator(), preLabel, preLabelAll, spring, new javafx.scene.control.Label(Messages.text("view.textSize")),
        textSize, keys, editKeys);
    bar.getItems().forEach(n -> n.setFocusTraversable(false));
    updateTooltips();
    return bar;
  }

  private static String toolName(ToolKind kind) {
    return switch (kind) {
      case SELECT -> Messages.text("tool.select");
      case BOX -> Messages.text("tool.box");
      case POLYGON -> Messages.text("tool.polygon");
      case OBB -> Messages.text("tool.obb");
      case KEYPOINTS -> Messages.text("tool.keypoints");
    };
  }

  private void selectToolButton(ToolKind kind) {
    ToggleButton button = toolButtons.get(kind);
    if (button != null) {
      button.setSelected(true);
    }
  }

  private void updateTooltips() {
    Map<ToolKind, Action> actions = Map.of(ToolKind.SELECT, Action.TOOL_SELECT, ToolKind.BOX, Action.TOOL_BOX,
        ToolKind.POLYGON, Action.TOOL_POLYGON, ToolKind.OBB, Action.TOOL_OBB, ToolKind.KEYPOINTS, Action.TOOL_KEYPOINTS);
    toolButtons.forEach((kind, b) -> b.setTooltip(new Tooltip(
        Messages.text("action.withKeys", actions.get(kind).description(), keymap.get().display(actions.get(kind))))));
    undoButton.setTooltip(new Tooltip(Messages.text("view.undo.tooltip", keymap.get().display(Action.UNDO))));
    redoButton.setTooltip(new Tooltip(Messages.text("view.redo.tooltip", keymap.get().display(Action.REDO))));
    selectToolButton(canvas.toolProperty().get());
  }

  private HBox statusBar() {
    javafx.scene.control.Label hint = new javafx.scene.control.Label();
    hint.textProperty().bind(canvas.hintProperty());
    status.setId("message");
    saveStatus.setId("save-status");
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    progressBox.setAlignment(Pos.CENTER_LEFT);
    HBox bar = new HBox(12, hint, spring, status, progressBox, zoom, saveStatus);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(3, 8, 3, 8));
    return bar;
  }

  // ---- showing images --------------------------------------------------------------------------

  private void show(OpenImage open) {
    if (open == null) {
      return;
    }
    help.setVisible(false);
    double width = open.record().width() > 0 ? open.record().width() : open.image() == null ? 1 : open.image().width();
    double height = open.record().height() > 0 ? open.record().height() : open.image() == null ? 1 : open.image().height();
    if (open.image() == null) {
      canvas.setImage(null, width, height, false);
    } else {
      canvas.setImage(open.image().image(), width, height, open.image().reduced(), open.image().fitted());
    }
    canvas.setDocument(open.document());
    labelList.setDocument(open.document());
    reviewBar.setDocument(open.document());
    undoButton.disableProperty().bind(open.history().canUndoProperty().not());
    redoButton.disableProperty().bind(open.history().canRedoProperty().not());
    position.setText((open.index() + 1) + " / " + session.hashes().size() + "  " + open.record().filename());
    if (open.error() != null) {
      status.setText(open.error());
    }
    canvas.requestFocus();
  }

  private void loadFullResolution() {
    OpenImage open = session.current();
    if (open == null) {
      return;
    }
    String hash = open.hash();
    session.loadFullResolution(hash).thenAccept(img -> Platform.runLater(() -> {
      if (session.current() != null && session.current().hash().equals(hash)) {
        canvas.replaceImage(img.image(), false);
      }
    }));
  }

  // ---- actions ---------------------------------------------------------------------------------

  private boolean keyPressed(KeyEvent e) {
    if (help.isVisible()) {
      help.setVisible(false);
      return true;
    }
    if (canvas.toolKey(e)) {
      return true;
    }
    Action action = keymap.get().actionFor(e, Action.Scope.LABELING);
    return action != null && run(action);
  }

  /**
   * Runs an action as its key would; false when it did nothing the key should be kept for (Esc with
   * nothing to cancel: the app may close the view then).
   */
  public boolean run(Action action) {
    if (session.current() == null && action != Action.HELP) {
      return action.scope() == Action.Scope.LABELING;
    }
    switch (action) {
      case NEXT_IMAGE -> session.next();
      case PREVIOUS_IMAGE -> session.previous();
      case SAVE -> status.setText(
          session.flush().isEmpty() ? Messages.text("save.saved") : Messages.text("view.someNotSaved"));
      case UNDO -> session.undo();
      case REDO -> session.redo();
      case DELETE -> actions.delete();
      case COPY -> actions.copy();
      case PASTE -> actions.paste();
      case DUPLICATE -> actions.duplicate();
      case SELECT_ALL -> actions.selectAll();
      case NEXT_SHAPE -> actions.cycle(1);
      case PREVIOUS_SHAPE -> actions.cycle(-1);
      case TOGGLE_HIDE_ALL -> canvas.document().toggleAllHidden();
      case CANCEL -> {
        return canvas.cancel();
      }
      case TOOL_SELECT -> setTool(ToolKind.SELECT);
      case TOOL_BOX -> setTool(ToolKind.BOX);
      case TOOL_POLYGON -> setTool(ToolKind.POLYGON);
      case TOOL_OBB -> setTool(ToolKind.OBB);
      case TOOL_KEYPOINTS -> setTool(ToolKind.KEYPOINTS);
      case KEYPOINT_VISIBILITY -> canvas.cycleKeypointUnderPointer();
      case FLIP_POSE -> actions.flipPoses();
      case ZOOM_FIT -> canvas.fit();
      case ZOOM_ACTUAL -> canvas.actualSize();
      case ZOOM_IN -> canvas.zoomBy(1.25);
      case ZOOM_OUT -> canvas.zoomBy(0.8);
      case PRELABEL_IMAGE -> {
        if (session.preLabelerProperty().get() != null) {
          status.setText(Messages.text("view.preLabelling"));
          session.preLabelCurrent().thenAccept(n -> status.setText(Messages.text("view.preLabelled", n)));
        }
      }
      case HELP -> help.show(keymap.get());
      case PICK_CLASS -> classPanel.search();
      case NEXT_PREDICTION -> {
        return actions.nextPrediction();
      }
      case ACCEPT_PREDICTION -> {
        return actions.acceptSelected();
      }
      case REJECT_PREDICTION -> {
        return actions.rejectSelected();
      }
      case ACCEPT_ALL_PREDICTIONS -> {
        return actions.acceptAll();
      }
      case REJECT_BELOW_THRESHOLD -> {
        return actions.rejectBelow(reviewThreshold.get());
      }
      case GRID_FIRST, GRID_LAST -> {
        return false;
      }
      default -> actions.pickClass(action.classIndex());
    }
    return true;
  }

  /** A class picked in the class panel (a click, or Enter after a search): then back to the canvas. */
  private void classPicked(int classId) {
    actions.pickClass(classId);
    classPanel.clearSearch();
    classPanel.showCurrent(canvas.currentClassProperty().get());
    canvas.requestFocus();
  }

  private void setTool(ToolKind kind) {
    if (toolsFor(dataset.task()).contains(kind)) {
      canvas.toolProperty().set(kind);
    }
  }

  private void preLabelAll() {
    if (session.preLabelerProperty().get() == null) {
      return;
    }
    ProgressBar bar = new ProgressBar(0);
    Button cancel = new Button(Messages.text("view.cancel"));
    javafx.concurrent.Task<Integer> task = new javafx.concurrent.Task<>() {
      @Override
      protected Integer call() throws Exception {
        javafx.concurrent.Task<Integer> self = this;
        return session.preLabelAllUnlabeled(new TaskMonitor() {
          @Override
          public void progress(long done, long total, String message) {
            updateProgress(done, total);
            updateMessage(message);
          }

          @Override
          public boolean isCancelled() {
            return self.isCancelled();
          }
        });
      }
    };
    bar.progressProperty().bind(task.progressProperty());
    cancel.setOnAction(e -> task.cancel());
    progressBox.getChildren().setAll(bar, cancel);
    task.messageProperty().addListener((obs, old, now) -> status.setText(now));
    task.setOnSucceeded(e -> {
      progressBox.getChildren().clear();
      status.setText(Messages.text("view.preLabelledAll", task.getValue()));
    });
    task.setOnFailed(e -> {
      progressBox.getChildren().clear();
      status.setText(Messages.text("session.preLabelFailed", task.getException().getMessage()));
    });
    task.setOnCancelled(e -> {
      progressBox.getChildren().clear();
      status.setText(Messages.text("view.preLabelCancelled"));
    });
    Thread thread = new Thread(task, "loupe-prelabel-all");
    thread.setDaemon(true);
    thread.start();
  }
}
