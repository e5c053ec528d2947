package dev.loupe.app.gui;

import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.app.gui.duplicates.DuplicatesViewModel;
import dev.loupe.app.gui.explorer.ExplorerViewModel;
import dev.loupe.app.gui.grid.DatasetViewModel;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.sidebar.SidebarViewModel;
import dev.loupe.app.gui.start.StartViewModel;
import dev.loupe.app.gui.stats.StatisticsViewModel;
import dev.loupe.app.gui.similar.SimilarRequest;
import dev.loupe.app.gui.similar.SimilarViewModel;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.app.gui.training.TrainingViewModel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.insight.DatasetInsight;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's state: the workspace, its background tasks, the sidebar, the dataset,
 * statistics and map (explorer) views and which of them the centre shows, and whether the labeling
 * area is open (and on what). Wires them: choosing a dataset shows it, opening an image opens the
 * labeling area, a click on a class bar or a heatmap cell shows those images in the grid, an import
 * selects what it made and thumbnails follow, a change made in one view refreshes the others.
 */
public final class MainViewModel {
  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final SidebarViewModel sidebar;
  private final DatasetViewModel datasetView;
  private final ClassColorStore colors;
  private final StatisticsViewModel statistics;
  private final ObjectProperty<CenterView> centerView = new SimpleObjectProperty<>(CenterView.GRID);
  private final Supplier<DatasetInsight> insight;
  private final ExplorerViewModel explorer;
  private final TrainingViewModel training;
  private final ObjectProperty<LabelingRequest> labeling = new SimpleObjectProperty<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final SettingsStore settings;
  private final StartViewModel startPage;
  private Runnable onThumbnailsMade = () -> {};

  public MainViewModel(Workspace workspace, BackgroundTasks tasks, Executor pageFetcher, Executor fx) {
    this(workspace, tasks, pageFetcher, fx, Workspace::insight);
  }

  /** The window's state with settings kept in memory; {@code insights} gives maps, similar images, duplicates. */
  public MainViewModel(
      Workspace workspace, BackgroundTasks tasks, Executor pageFetcher, Executor fx,
      Function<Workspace, DatasetInsight> insights) {
    this(workspace, tasks, pageFetcher, fx, insights, SettingsStore.inMemory(AppSettings.DEFAULTS));
  }

  /** The window's state; {@code settings} are the user's preferences (theme, thumbnail size, ...). */
  public MainViewModel(
      Workspace workspace, BackgroundTasks tasks, Executor pageFetcher, Executor fx,
      Function<Workspace, DatasetInsight> insights, SettingsStore settings) {
    this.settings = settings;
    this.workspace = workspace;
    this.startPage = new StartViewModel(workspace, tasks, settings);
    this.tasks = tasks;
    this.sidebar = new SidebarViewModel(workspace);
    this.datasetView = new DatasetViewModel(workspace, tasks, pageFetcher, fx);
    this.colors = new ClassColorStore(workspace.root());
    this.statistics = new StatisticsViewModel(workspace, tasks);
    this.insight = () -> insights.apply(workspace);
    this.explorer = new ExplorerViewModel(workspace, insight, tasks, colors);
    this.training = new TrainingViewModel(workspace, tasks, dev.loupe.app.cli.ModelRuntime.engines()::inspect, fx);
    sidebar.selectedProperty().addListener((o, a, d) -> {
      labeling.set(null);
      datasetView.open(d);
      statistics.open(d);
      if (explorerShown()) {
        explorer.open(d);
      }
      if (centerView.get() == CenterView.TRAINING) {
        training.open(d);
      }
    });
    datasetView.setOnOpen(labeling::set);
    datasetView.setOnChanged(() -> {
      updateStatus();
      statistics.refreshIfChanged();
      explorerStale();
    });
    statistics.setOnShowClass(id -> {
      datasetView.showClass(id);
      centerView.set(CenterView.GRID);
    });
    statistics.setOnShowImages(filter -> {
      datasetView.showImageSet(filter);
      centerView.set(CenterView.GRID);
    });
    centerView.addListener((o, a, v) -> {
      labeling.set(null);
      statistics.setActive(v == CenterView.STATISTICS);
      if (v == CenterView.MAP) {
        explorer.open(sidebar.selectedProperty().get());
      }
      if (v == CenterView.TRAINING) {
        training.open(sidebar.selectedProperty().get());
      }
    });
    labeling.addListener((o, a, request) -> {
      statistics.setActive(request == null && centerView.get() == CenterView.STATISTICS);
      if (request == null && a != null) {
        datasetView.selection().clear(); // the image opened was selected to open it: back in the grid it is not
      }
    });
    training.setOnRunEnded(sidebar::refresh);
    explorer.setOnOpen(labeling::set);
    explorer.setOnChanged(() -> {
      datasetView.refresh();
      statistics.refreshIfChanged();
      updateStatus();
    });
  }

  /** Shows a training run in the training view: its dataset chosen, its curves drawn. */
  public void openRun(TrainingRun run) {
    sidebar.select(run.datasetId());
    centerView.set(CenterView.TRAINING);
    training.choose(java.util.List.of(run.id()));
  }

  /** Lists the datasets, shows the first, and makes missing thumbnails in the background. */
  public void start() {
    sidebar.refresh();
    sidebar.selectFirstIfNone();
    updateStatus();
    makeThumbnails();
  }

  public Workspace workspace() {
    return workspace;
  }

  public BackgroundTasks tasks() {
    return tasks;
  }

  public SidebarViewModel sidebar() {
    return sidebar;
  }

  public DatasetViewModel datasetView() {
    return datasetView;
  }

  /** The start page an empty workspace shows: the demo, an import, the platform's key. */
  public StartViewModel startPage() {
    return startPage;
  }

  /** The user's preferences; views follow them, the settings dialog changes them. */
  public SettingsStore settings() {
    return settings;
  }

  public ClassColorStore colors() {
    return colors;
  }

  public StatisticsViewModel statistics() {
    return statistics;
  }

  /** The view the centre shows while the labeling area is closed; choosing one closes it. */
  public ObjectProperty<CenterView> centerViewProperty() {
    return centerView;
  }

  /** The training view's state (its runs are read when it is shown). */
  public TrainingViewModel training() {
    return training;
  }

  public ExplorerViewModel explorer() {
    return explorer;
  }

  /** True while the centre shows the map (the labeling area may be open over it). */
  public boolean explorerShown() {
    return centerView.get() == CenterView.MAP;
  }

  /** The images nearest to {@code request}'s; opening one opens the labeling area. */
  public SimilarViewModel similar(SimilarRequest request) {
    SimilarViewModel vm = new SimilarViewModel(insight, tasks, request, SimilarViewModel.K);
    vm.setOnOpen(labeling::set);
    return vm;
  }

  /** The duplicates of the shown dataset (null when none is shown); resolving refreshes the views. */
  public DuplicatesViewModel duplicates() {
    Dataset d = sidebar.selectedProperty().get();
    if (d == null) {
      return null;
    }
    DuplicatesViewModel vm = new DuplicatesViewModel(insight, workspace, tasks, d);
    vm.setOnChanged(() -> {
      viewsStale();
    });
    return vm;
  }

  /** The image the labeling area is open on; null while the grid shows. */
  public ObjectProperty<LabelingRequest> labelingProperty() {
    return labeling;
  }

  public void closeLabeling() {
    labeling.set(null);
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Told when a thumbnail run ended (the grid decodes what it showed as placeholders again). */
  public void setOnThumbnailsMade(Runnable value) {
    onThumbnailsMade = value;
  }

  /** Starts making the thumbnails that are missing, unless none are. */
  public void makeThumbnails() {
    if (workspace.thumbnails().pending() == 0) {
      return;
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    tasks.submit(Messages.text("main.task.thumbnails"), m -> workspace.thumbnails().generatePending(threads, m),
        n -> {},
        () -> onThumbnailsMade.run());
  }

  /** After an import: list it, show it, make its thumbnails. */
  public void imported(ImportResult result) {
    datasetChanged(result.dataset().id());
    makeThumbnails();
  }

  /** After a change to a dataset (classes, splits, a new one): list again and show {@code datasetId}. */
  public void datasetChanged(String datasetId) {
    sidebar.refresh();
    if (datasetId != null) {
      Dataset now = workspace.datasets().require(datasetId);
      if (sidebar.selectedProperty().get() != null && sidebar.selectedProperty().get().id().equals(datasetId)) {
        sidebar.selectedProperty().set(now);
      } else {
        sidebar.select(datasetId);
      }
    }
    viewsStale();
  }

  /** The shown dataset changed: the grid, the statistics, the map and the status line read it again. */
  private void viewsStale() {
    datasetView.refresh();
    statistics.refreshIfChanged();
    explorerStale();
    updateStatus();
  }

  /** The dataset changed outside the explorer: its map is read again now if it shows, else when it next does. */
  private void explorerStale() {
    explorer.invalidate();
    if (explorerShown()) {
      explorer.open(sidebar.selectedProperty().get());
    }
  }

  /** Moves {@code d} to the trash; when it was shown, the first dataset left is shown. */
  public void trashDataset(Dataset d) {
    workspace.trash().moveToTrash(d.id());
    Dataset shown = sidebar.selectedProperty().get();
    if (shown != null && shown.id().equals(d.id())) {
      sidebar.selectedProperty().set(null);
    }
    sidebar.refresh();
    sidebar.selectFirstIfNone();
    updateStatus();
  }

  private void updateStatus() {
    int n = sidebar.datasets().size();
    status.set(Messages.text("main.status", n, workspace.root().toString()));
  }
}
