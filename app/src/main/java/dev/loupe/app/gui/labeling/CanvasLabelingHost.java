package dev.loupe.app.gui.labeling;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ModelCell;
import dev.loupe.app.gui.SettingsStore;
import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.LabelingView;
import dev.loupe.labeling.keys.Keymap;
import dev.loupe.labeling.session.Proposal;
import dev.loupe.labeling.session.LabelingSession;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The labeling area of the workbench: the labeling module's {@link LabelingView} over a
 * {@link LabelingSession} (every edit saved at once, undo per image), the dataset's class colours,
 * the keymap saved in the workspace, and a bar to choose the model, confidence and IoU that
 * "pre-label" uses (remembered per dataset in {@link LabelingSettings}, with the review threshold and
 * the label text size). One session is open at a time; opening another image list closes the last.
 */
public final class CanvasLabelingHost implements LabelingHost, AutoCloseable {
  private final Workspace workspace;
  private final ClassColorStore colors;
  private final PredictorFactory engines;
  private LabelingSession session;
  private ModelPreLabeler preLabeler;
  private Dataset dataset;
  private Keymap keymap;
  private final LabelingSettings settings;
  private final ReviewStore reviews;
  private SettingsStore appSettings;
  private LabelingView view;
  private java.util.function.Consumer<dev.loupe.app.gui.similar.SimilarRequest> onFindSimilar = r -> {};

  public CanvasLabelingHost(Workspace workspace, ClassColorStore colors, PredictorFactory engines) {
    this.workspace = workspace;
    this.colors = colors;
    this.engines = engines;
    this.settings = LabelingSettings.load(workspace.root().resolve("labeling-settings.json"));
    this.reviews = new ReviewStore(workspace.root().resolve("reviews"));
    try {
      keymap = Keymap.load(keymapFile());
    } catch (java.io.IOException e) {
      keymap = new Keymap(Keymap.Preset.DEFAULT); // the labeling view says why when it opens
    }
  }

  private java.nio.file.Path keymapFile() {
    return workspace.root().resolve("keymap.json");
  }

  @Override
  public Keymap keymap() {
    return keymap;
  }

  /**
   * Follows the app's settings: their label text size, and a key map preset chosen in the settings
   * dialog, which replaces the keymap (and its file) with that preset's keys.
   */
  public void followSettings(SettingsStore store) {
    appSettings = store;
    if (!java.nio.file.Files.exists(keymapFile())) {
      usePreset(store.get().keymapPreset()); // no keys of their own yet: the preset of the settings
    }
    store.settingsProperty().addListener((o, was, now) -> {
      if (was == null || !was.keymapPreset().equals(now.keymapPreset())) {
        usePreset(now.keymapPreset());
      }
      if (view != null && (was == null || was.labelTextSize() != now.labelTextSize())) {
        view.canvas().labelTextSizeProperty().set(now.labelTextSize());
      }
    });
  }

  private void usePreset(String name) {
    Keymap.Preset preset;
    try {
      preset = Keymap.Preset.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return; // not a preset this version knows: the keys stay as they are
    }
    keymap = new Keymap(preset);
    try {
      keymap.save(keymapFile());
    } catch (java.io.IOException e) {
      System.err.println("keys not saved: " + e.getMessage());
    }
    if (view != null) {
      view.setKeymap(keymap);
    }
  }

  @Override
  public Node open(Dataset dataset, List<String> orderedHashes, int startIndex) {
    close();
    this.dataset = dataset;
    session = new LabelingSession(workspace, dataset.id(), orderedHashes);
    session.setToReview(reviews.pending(dataset));
    LabelingView view = new LabelingView(session);
    view.palette().loadOverrides(colors.load(dataset.id()));
    view.useKeymapFile(keymapFile());
    keymap = view.keymap();
    view.keymapProperty().addListener((o, was, now) -> keymap = now);
    LabelingSettings.DatasetChoice choice = settings.choice(dataset.id());
    view.reviewThresholdProperty().set(choice.reviewThreshold());
    view.canvas().labelTextSizeProperty().set(
        appSettings == null ? settings.labelTextSize() : appSettings.get().labelTextSize());
    view.canvas().labelTextSizeProperty().addListener((o, was, now) -> remember(() -> {
      if (appSettings == null) {
        settings.setLabelTextSize(now.doubleValue());
      } else if (appSettings.get().labelTextSize() != now.intValue()) {
        appSettings.update(a -> a.withLabelTextSize(now.intValue()));
      }
    }));
    this.view = view;
    view.open(startIndex);
    BorderPane area = new BorderPane(view);
    area.setTop(modelBar(dataset, view, choice));
    return area;
  }

  @Override
  public dev.loupe.app.gui.similar.SimilarRequest currentImage() {
    var current = session == null ? null : session.current();
    return current == null || current.record() == null ? null
        : new dev.loupe.app.gui.similar.SimilarRequest(dataset, current.hash(), current.record().filename());
  }

  @Override
  public void setOnFindSimilar(java.util.function.Consumer<dev.loupe.app.gui.similar.SimilarRequest> value) {
    onFindSimilar = value;
  }

  /** Saves a setting; a settings file that cannot be written costs the memory of it, never the labeling. */
  private static void remember(Runnable save) {
    try {
      save.run();
    } catch (java.io.UncheckedIOException e) {
      System.err.println(e.getMessage());
    }
  }

  /**
   * The model that pre-labelling uses: the workspace's models whose task fits the dataset; the
   * choices made last for the dataset come back, and each change is remembered.
   */
  private Node modelBar(Dataset dataset, LabelingView view, LabelingSettings.DatasetChoice choice) {
    ComboBox<ModelRecord> models = new ComboBox<>();
    models.getItems().setAll(
        workspace.models().list(null).stream().filter(ModelRecord::runnable).toList());
    models.setPromptText(
        Messages.text(models.getItems().isEmpty() ? "labeling.model.none" : "labeling.model.choose"));
    models.setCellFactory(list -> new ModelCell());
    models.setButtonCell(new ModelCell());
    models.setId("prelabel-model");
    Spinner<Double> conf = new Spinner<>(0.01, 1.0, choice.conf(), 0.05);
    Spinner<Double> iou = new Spinner<>(0.05, 1.0, choice.iou(), 0.05);
    conf.setId("prelabel-conf");
    conf.setEditable(true);
    iou.setEditable(true);
    conf.setPrefWidth(80);
    iou.setPrefWidth(80);
    Runnable apply =
        () -> {
          if (preLabeler != null) {
            preLabeler.close();
            preLabeler = null;
          }
          ModelRecord model = models.getValue();
          if (model != null && session != null) {
            preLabeler =
                new ModelPreLabeler(workspace, engines, dataset.id(), model.id(), conf.getValue(), iou.getValue());
          }
          if (session != null) {
            session.preLabelerProperty().set(preLabeler);
          }
        };
    Runnable changed =
        () -> {
          apply.run();
          remember(() -> settings.setChoice(dataset.id(), new LabelingSettings.DatasetChoice(
              models.getValue() == null ? null : models.getValue().id(), conf.getValue(), iou.getValue(),
              view.reviewThresholdProperty().get())));
        };
    models.getItems().stream().filter(m -> m.id().equals(choice.modelId())).findFirst().ifPresent(m -> {
      models.setValue(m);
      apply.run();
    });
    models.valueProperty().addListener((o, was, is) -> changed.run());
    conf.valueProperty().addListener((o, was, is) -> changed.run());
    iou.valueProperty().addListener((o, was, is) -> changed.run());
    view.reviewThresholdProperty().addListener((o, was, is) -> changed.run());
    javafx.scene.control.Button similar = new javafx.scene.control.Button(Messages.text("grid.menu.findSimilar"));
    similar.setId("find-similar");
    similar.setTooltip(new javafx.scene.control.Tooltip(Messages.text("labeling.findSimilar.tip")));
    similar.setOnAction(e -> {
      var request = currentImage();
      if (request != null) {
        onFindSimilar.accept(request);
      }
    });
    javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
    HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
    HBox bar =
        new HBox(8, new javafx.scene.control.Label(Messages.text("labeling.prelabel")), models,
            new javafx.scene.control.Label(Messages.text("labeling.prelabel.conf")), conf,
            new javafx.scene.control.Label(Messages.text("labeling.prelabel.iou")), iou, spacer, similar);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 8, 4, 8));
    bar.getStyleClass().add("prelabel-bar");
    return bar;
  }

  @Override
  public List<String> addToReview(Dataset target, Map<String, List<Proposal>> written) {
    remember(() -> reviews.update(target, written));
    return ReviewStore.queue(written);
  }

  /**
   * Writes the last edits and what is left to review, stops the session's threads and frees the
   * model.
   */
  @Override
  public void close() {
    if (session != null) {
      Map<String, List<Proposal>> left = new java.util.LinkedHashMap<>();
      for (String hash : session.openedImages()) {
        left.put(hash, session.stillToReview(hash));
      }
      remember(() -> reviews.update(dataset, left));
      session.close();
      view = null;
      session = null;
    }
    if (preLabeler != null) {
      preLabeler.close();
      preLabeler = null;
    }
  }
}
