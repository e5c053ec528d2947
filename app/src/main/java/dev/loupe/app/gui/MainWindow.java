package dev.loupe.app.gui;

import dev.loupe.app.gui.classes.ClassManagerDialog;
import dev.loupe.app.gui.classes.ClassManagerViewModel;
import dev.loupe.app.gui.dialogs.ImportDialog;
import dev.loupe.app.gui.dialogs.ImportViewModel;
import dev.loupe.app.gui.dialogs.NewDatasetDialog;
import dev.loupe.app.gui.dialogs.SplitDialog;
import dev.loupe.app.gui.dialogs.SplitViewModel;
import dev.loupe.app.gui.duplicates.DuplicatesViewModel;
import dev.loupe.app.gui.duplicates.DuplicatesWindow;
import dev.loupe.app.gui.explorer.ExplorerView;
import dev.loupe.app.gui.grid.DatasetView;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.app.gui.dialogs.AutoAnnotateDialog;
import dev.loupe.app.gui.dialogs.AutoAnnotateViewModel;
import dev.loupe.app.gui.labeling.LabelingHost;
import dev.loupe.app.gui.labeling.ReviewRecorder;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.app.gui.settings.SettingsDialog;
import dev.loupe.app.gui.sidebar.SidebarView;
import dev.loupe.app.gui.start.PlatformKeyDialog;
import dev.loupe.app.gui.start.StartPage;
import dev.loupe.app.gui.stats.StatisticsView;
import dev.loupe.app.gui.similar.SimilarRequest;
import dev.loupe.app.gui.similar.SimilarWindow;
import dev.loupe.app.gui.tasks.TaskBar;
import dev.loupe.app.gui.models.ModelDetailsViewModel;
import dev.loupe.app.gui.models.ModelDetailsWindow;
import dev.loupe.app.gui.training.PlatformConnector;
import dev.loupe.app.gui.training.TrainingView;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.SceneKeys;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The workbench window's content: a toolbar with the view switcher, the sidebar, the centre (a stack
 * of the views of {@link CenterView}: grid, statistics, map and training, one shown at a time, and the labeling
 * area over them while it is open), and the status bar with the background tasks. Dialogs and the
 * similar-images and duplicates windows open from here; their models do the work.
 */
public final class MainWindow extends BorderPane {
  /** Ctrl+, (Cmd+, on a Mac) opens the settings. */
  public static final KeyCombination SETTINGS_KEY = new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN);
  /** Ctrl+Shift+Y opens the shown dataset's sync panel. */
  public static final KeyCombination SYNC_KEY =
      new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  public static final String STYLESHEET = MainWindow.class.getResource("loupe.css").toExternalForm();
  /** Loaded after {@link #STYLESHEET} while the light theme is chosen. */
  public static final String LIGHT_STYLESHEET = MainWindow.class.getResource("loupe-light.css").toExternalForm();

  private final MainViewModel model;
  private final LabelingHost labelingHost;
  private final PredictorFactory engines;
  private final DatasetView datasetView;
  private final java.util.EnumMap<CenterView, Node> views = new java.util.EnumMap<>(CenterView.class);
  private final LazyView<ExplorerView> explorerView;
  private final ThumbnailCache thumbnails;
  private final BorderPane labelingArea = new BorderPane();
  private final Label datasetTitle = new Label();
  private final WorkspaceActions actions;

  public MainWindow(MainViewModel model, ThumbnailCache thumbnails, LabelingHost labelingHost) {
    this(model, thumbnails, labelingHost, dev.loupe.app.cli.ModelRuntime.engines());
  }

  /** The window; {@code engines} load the models that auto-annotation runs. */
  public MainWindow(
      MainViewModel model, ThumbnailCache thumbnails, LabelingHost labelingHost, PredictorFactory engines) {
    this.engines = engines;
    this.model = model;
    this.labelingHost = labelingHost;
    this.thumbnails = thumbnails;
    this.actions = new WorkspaceActions(model, this::window);
    getStyleClass().add("workbench");
    datasetView = new DatasetView(model.datasetView(), thumbnails);
    explorerView = new LazyView<>(() -> {
      ExplorerView map = new ExplorerView(model.explorer(), thumbnails);
      map.setOnFindSimilar(this::openSimilar);
      map.setOnDuplicates(this::openDuplicates);
      return map;
    });
    model.datasetView().setOnFindSimilar(this::openSimilar);
    labelingHost.setOnFindSimilar(this::openSimilar);
    views.put(CenterView.GRID, datasetView);
    views.put(CenterView.STATISTICS, new LazyView<>(() -> new StatisticsView(model.statistics())));
    views.put(CenterView.MAP, explorerView);
    views.put(CenterView.TRAINING, new LazyView<>(() -> new TrainingView(model.training())));
    labelingArea.setId("labeling-area");
    labelingArea.getStyleClass().add("labeling-area");
    labelingArea.setVisible(false);
    StackPane center = new StackPane();
    center.getChildren().addAll(views.values());
    center.getChildren().add(labelingArea);
    center.getChildren().add(startPage());
    SplitPane split = new SplitPane(new SidebarView(model.sidebar(), actions), center);
    split.setDividerPositions(0.16);
    SplitPane.setResizableWithParent(split.getItems().get(0), false);
    setTop(toolbar());
    setCenter(split);
    setBottom(new TaskBar(model.tasks(), model.statusProperty()));
    model.labelingProperty().addListener((o, a, request) -> showLabeling(request));
    model.centerViewProperty().addListener((o, a, v) -> showView(v));
    showView(model.centerViewProperty().get());
    model.setOnThumbnailsMade(() -> {
      thumbnails.clear();
      model.datasetView().repaint();
    });
    model.sidebar().selectedProperty().addListener((o, a, d) -> datasetTitle.setText(d == null ? "" : d.name()));
    model.sidebar().setOnOpenModel(this::openModel);
    followSettings();
    setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE && labelingArea.isVisible()) {
        model.closeLabeling();
        e.consume();
      }
    });
  }

  /** The grid's thumbnail size and the theme follow the settings; a new thumbnail size is saved. */
  private void followSettings() {
    var grid = datasetView.grid().imageSizeProperty();
    grid.set(model.settings().get().thumbnailSize());
    grid.addListener((o, a, size) -> model.settings().update(s -> s.withThumbnailSize(size.intValue())));
    model.settings().settingsProperty().addListener((o, a, s) -> {
      grid.set(s.thumbnailSize());
      if (getScene() != null) {
        applyTheme(getScene().getStylesheets(), s.theme());
      }
    });
  }

  /** Puts the style sheets of {@code theme} in {@code sheets} (a scene's or a dialog's). */
  public static void applyTheme(javafx.collections.ObservableList<String> sheets, AppSettings.Theme theme) {
    if (!sheets.contains(STYLESHEET)) {
      sheets.add(0, STYLESHEET);
    }
    if (theme == AppSettings.Theme.LIGHT && !sheets.contains(LIGHT_STYLESHEET)) {
      sheets.add(LIGHT_STYLESHEET);
    } else if (theme != AppSettings.Theme.LIGHT) {
      sheets.remove(LIGHT_STYLESHEET);
    }
  }

  /** A scene of this window with the theme and the window's keys. */
  public Scene scene(double width, double height) {
    Scene scene = new Scene(this, width, height);
    applyTheme(scene.getStylesheets(), model.settings().get().theme());
    scene.getAccelerators().put(
        new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        this::findSimilarToCurrent);
    scene.getAccelerators().put(SETTINGS_KEY, this::openSettings);
    scene.getAccelerators().put(SYNC_KEY, this::openSync);
    SceneKeys.of(scene).add(this::windowKey);
    return scene;
  }

  /** The window's actions of the keymap (the labeling view adds its own while it is open). */
  private boolean windowKey(javafx.scene.input.KeyEvent e) {
    if (labelingArea.isVisible() || !datasetView.isVisible()) {
      return false;
    }
    Action action = labelingHost.keymap().actionFor(e, Action.Scope.WINDOW);
    if (action != Action.GRID_FIRST && action != Action.GRID_LAST) {
      return false;
    }
    var selection = model.datasetView().selection();
    if (selection.size() > 0) {
      int index = action == Action.GRID_FIRST ? 0 : selection.size() - 1;
      selection.select(index);
      datasetView.grid().reveal(index);
    }
    return true;
  }

  /** Shown over the centre while the workspace has no datasets (and the labeling area is closed). */
  private StartPage startPage() {
    StartPage page = new StartPage(model.startPage(), new StartPage.Actions() {
      @Override
      public void openDemo() {
        model.startPage().openDemo(model::imported);
      }

      @Override
      public void importDataset() {
        openImport();
      }

      @Override
      public void connectPlatform() {
        openPlatform();
      }
    });
    page.visibleProperty().bind(Bindings.isEmpty(model.sidebar().datasets()).and(labelingArea.visibleProperty().not()));
    return page;
  }

  /** The settings dialog (the app menu, Ctrl+,). */
  public void openSettings() {
    SettingsDialog.show(window(), model.settings(), model.workspace().root());
  }

  /** Asks for the platform's API key and stores it. */
  public void openPlatform() {
    PlatformKeyDialog.show(window(), model.startPage());
  }

  public DatasetView datasetView() {
    return datasetView;
  }

  /** The map view (built now if it was never shown). */
  public ExplorerView explorerView() {
    return explorerView.content();
  }

  /** Shows the explorer (the dataset's map) in place of the grid, or the grid again. */
  public void showExplorer(boolean shown) {
    model.closeLabeling();
    model.centerViewProperty().set(shown ? CenterView.MAP : CenterView.GRID);
  }

  /** Opens a window of the images similar to {@code request}'s. */
  public void openSimilar(SimilarRequest request) {
    SimilarWindow.show(window(), model.similar(request), thumbnails);
  }

  /** Opens the duplicates window of the shown dataset. */
  public void openDuplicates() {
    DuplicatesViewModel vm = model.duplicates();
    if (vm != null) {
      DuplicatesWindow.show(window(), vm, thumbnails);
    }
  }

  /** Ctrl+Shift+F: the image open in the labeling area, under the pointer on the map, or focused in the grid. */
  private void findSimilarToCurrent() {
    SimilarRequest request = null;
    if (labelingArea.isVisible()) {
      request = labelingHost.currentImage();
    } else if (explorerView.isVisible()) {
      request = explorerView.content().hoveredRequest();
    } else {
      int focus = model.datasetView().selection().focusProperty().get();
      if (focus >= 0) {
        model.datasetView().findSimilarAt(focus);
      }
    }
    if (request != null) {
      openSimilar(request);
    }
  }

  private Region toolbar() {
    Label brand = new Label(Messages.text("app.name"), Icons.of(Icons.LOUPE));
    brand.getStyleClass().add("brand");
    datasetTitle.setId("dataset-title");
    datasetTitle.getStyleClass().add("toolbar-title");
    var noDataset = model.sidebar().selectedProperty().isNull();
    Button newDataset = tool("new-dataset", "toolbar.new", Icons.PLUS, this::openNewDataset);
    Button importButton = tool("import", "toolbar.import", Icons.IMPORT, this::openImport);
    importButton.getStyleClass().add("accent");
    Button export = tool("export", "toolbar.export", Icons.EXPORT, this::openExport);
    Button classes = tool("classes", "toolbar.classes", Icons.TAG, this::openClasses);
    Button split = tool("split", "toolbar.split", Icons.SPLIT, this::openSplit);
    Button versions = tool("versions", "toolbar.versions", Icons.VERSION, this::openVersions);
    Button sync = tool("sync", "toolbar.sync", Icons.SYNC, this::openSync);
    Button annotate = tool("auto-annotate", "toolbar.annotate", Icons.MODEL, this::openAutoAnnotate);
    Button trash = tool("trash-dataset", "toolbar.trash", Icons.TRASH, () -> actions.trashDataset(dataset()));
    trash.setText(null);
    trash.getStyleClass().add("danger");
    Button duplicates = tool("duplicates", "toolbar.duplicates", ExplorerView.DUPLICATES_ICON, this::openDuplicates);
    duplicates.setText(null);
    for (Button b : new Button[] {export, classes, split, versions, sync, annotate, trash, duplicates}) {
      b.disableProperty().bind(noDataset);
    }
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(6, brand, new Separator(javafx.geometry.Orientation.VERTICAL), datasetTitle,
        new ViewSwitcher(model.centerViewProperty()), spacer,
        newDataset, importButton, export, new Separator(javafx.geometry.Orientation.VERTICAL), duplicates,
        classes, split, versions, sync, annotate, trash, appMenu());
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 12, 6, 12));
    bar.getStyleClass().add("app-toolbar");
    CompactToolbar.attach(bar, List.of(newDataset, importButton, export, classes, split, versions, sync, annotate));
    return bar;
  }

  /** The app menu: new project, connect to the platform, settings, trash. */
  private MenuButton appMenu() {
    MenuItem newProject = menuItem("menu-new-project", "menu.newProject", actions::newProject);
    MenuItem platform = menuItem("menu-platform", "menu.platform", this::openPlatform);
    MenuItem sync = menuItem("menu-sync", "menu.sync", this::openSync);
    sync.setAccelerator(SYNC_KEY);
    sync.disableProperty().bind(model.sidebar().selectedProperty().isNull());
    MenuItem settings = menuItem("menu-settings", "menu.settings", this::openSettings);
    settings.setAccelerator(SETTINGS_KEY);
    MenuItem trash = menuItem("menu-trash", "menu.trash", this::openTrash);
    MenuButton menu = new MenuButton(null, Icons.of(Icons.MENU), newProject, platform, sync,
        new SeparatorMenuItem(), settings, trash);
    menu.setId("app-menu");
    menu.setTooltip(new Tooltip(Messages.text("menu.tooltip")));
    return menu;
  }

  private static MenuItem menuItem(String id, String key, Runnable action) {
    MenuItem item = new MenuItem(Messages.text(key));
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }

  /** A toolbar button: its text is {@code key}, its tooltip {@code key.tip} in the messages. */
  private static Button tool(String id, String key, String icon, Runnable action) {
    Button b = new Button(Messages.text(key), Icons.of(icon));
    b.setId(id);
    b.setTooltip(new Tooltip(Messages.text(key + ".tip")));
    b.setOnAction(e -> action.run());
    return b;
  }

  private Window window() {
    return getScene().getWindow();
  }

  private Dataset dataset() {
    return model.sidebar().selectedProperty().get();
  }

  public void openNewDataset() {
    try {
      NewDatasetDialog.show(window(), model.workspace()).ifPresent(d -> model.datasetChanged(d.id()));
    } catch (RuntimeException e) {
      error(Messages.text("main.error.createDataset"), e);
    }
  }

  public void openImport() {
    ImportViewModel vm = new ImportViewModel(model.workspace());
    ImportDialog.show(window(), vm, List.copyOf(model.sidebar().datasets()), model.tasks(), model::imported);
  }

  public void openExport() {
    if (dataset() != null) {
      actions.exportDataset(dataset());
    }
  }

  public void openClasses() {
    if (dataset() != null) {
      String id = dataset().id();
      ClassManagerDialog.show(window(),
          new ClassManagerViewModel(model.workspace(), model.colors(), model.tasks(), dataset()),
          () -> model.datasetChanged(id));
    }
  }

  public void openSplit() {
    if (dataset() != null) {
      String id = dataset().id();
      SplitDialog.show(window(), new SplitViewModel(model.workspace(), dataset()), model.tasks(),
          counts -> model.datasetChanged(id));
    }
  }

  public void openAutoAnnotate() {
    if (dataset() != null) {
      String id = dataset().id();
      Dataset annotated = dataset();
      ReviewRecorder recorder = new ReviewRecorder(model.workspace(), id);
      AutoAnnotateDialog.show(window(), new AutoAnnotateViewModel(model.workspace(), annotated, engines, recorder),
          model.tasks(), result -> {
            model.datasetChanged(id);
            reviewRun(annotated, recorder.written(result.run().id()));
          }, () -> model.datasetChanged(id));
    }
  }

  /** Opens the labeling area on the images a run labeled, least confident first, to review its predictions. */
  private void reviewRun(Dataset annotated, java.util.Map<String, List<dev.loupe.labeling.session.Proposal>> written) {
    List<String> queue = labelingHost.addToReview(annotated, written);
    if (!queue.isEmpty()) {
      model.labelingProperty().set(new LabelingRequest(annotated, queue, 0));
    }
  }

  public void openVersions() {
    if (dataset() != null) {
      actions.showVersions(dataset());
    }
  }

  /** Opens the shown dataset's sync panel (push, pull, sync, conflicts). */
  public void openSync() {
    if (dataset() != null) {
      String id = dataset().id();
      var panel = new dev.loupe.app.gui.sync.SyncPanelViewModel(model.workspace(), dataset(),
          PlatformConnector.fromSettings(), dev.loupe.core.sync.SyncOptions.defaults(), model.tasks());
      panel.setOnDatasetChanged(() -> model.datasetChanged(id));
      dev.loupe.app.gui.sync.SyncDialog.show(window(), panel, () -> dev.loupe.app.gui.sync.PlatformSettingsDialog.show(
          window(), new dev.loupe.app.gui.sync.PlatformSettingsViewModel(new dev.loupe.core.platform.PlatformSettingsFile(
              dev.loupe.core.platform.ConfigDirs.system().loupeSettings())), model.tasks()));
    }
  }

  /** Opens a model's window: metrics, its run, validation, export. */
  public void openModel(ModelRecord m) {
    ModelDetailsViewModel vm = new ModelDetailsViewModel(model.workspace(), model.tasks(), engines,
        PlatformConnector.fromSettings(), dev.loupe.training.Polling.STANDARD,
        dev.loupe.app.cli.ModelRuntime.engines()::inspect, m);
    vm.setOnOpenRun(model::openRun);
    vm.setOnModelsChanged(model.sidebar()::refresh);
    ModelDetailsWindow.show(window(), vm);
  }

  public void openTrash() {
    actions.openTrash();
  }

  /** Shows {@code view} (the labeling area, if open, was closed by choosing it). */
  private void showView(CenterView view) {
    views.forEach((v, node) -> node.setVisible(v == view && !labelingArea.isVisible()));
    if (!labelingArea.isVisible()) {
      switch (view) {
        case GRID -> datasetView.grid().requestFocus();
        case MAP -> explorerView.content().scatter().requestFocus();
        default -> { }
      }
    }
  }

  private void showLabeling(LabelingRequest request) {
    if (request == null) {
      labelingArea.setCenter(null);
      labelingArea.setVisible(false);
      showView(model.centerViewProperty().get());
      return;
    }
    Button back = new Button(Messages.text(model.explorerShown() ? "labeling.back.map" : "labeling.back.grid"),
        Icons.of(Icons.BACK));
    back.setId("back-to-grid");
    back.setOnAction(e -> model.closeLabeling());
    HBox bar = new HBox(8, back, new Label(Messages.text("labeling.back.key")));
    bar.getStyleClass().add("labeling-top");
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 12, 6, 12));
    labelingArea.setTop(bar);
    Node node = labelingHost.open(request.dataset(), request.hashes(), request.index());
    labelingArea.setCenter(node);
    views.values().forEach(v -> v.setVisible(false));
    labelingArea.setVisible(true);
    node.requestFocus();
  }

  private void error(String what, RuntimeException e) {
    Alert alert = new Alert(Alert.AlertType.ERROR, Messages.text("main.error", what, String.valueOf(e.getMessage())),
        ButtonType.OK);
    alert.initOwner(window());
    alert.showAndWait();
  }
}
