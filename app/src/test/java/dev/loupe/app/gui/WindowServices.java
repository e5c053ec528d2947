package dev.loupe.app.gui;

import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.app.gui.labeling.PreviewLabelingHost;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * What a window test runs on, as the workbench wires it: a workspace, the background tasks, the page
 * fetcher and the thumbnail cache; {@link #close} takes the stages down and all of them in order.
 */
public final class WindowServices implements AutoCloseable {
  public final Workspace ws;
  public final BackgroundTasks tasks = BackgroundTasks.create();
  public final ExecutorService fetcher = Executors.newSingleThreadExecutor();
  public final ThumbnailCache thumbnails;

  public WindowServices(Path workspace) {
    ws = Workspace.open(workspace);
    thumbnails = ThumbnailCache.forWorkspace(ws, Platform::runLater);
  }

  /** The main window's view model over these services. */
  public MainViewModel mainViewModel() {
    return new MainViewModel(ws, tasks, fetcher, Platform::runLater);
  }

  /**
   * Shows the main window of {@code model} on {@code stage} at 1180 x 760, with the preview labeling
   * host (no model engines), and starts the model: the window as the workbench opens it.
   */
  public MainWindow show(Stage stage, MainViewModel model) {
    MainWindow window = new MainWindow(model, thumbnails,
        new PreviewLabelingHost(ws, model.colors(), fetcher, Platform::runLater));
    stage.setScene(window.scene(1180, 760));
    stage.show();
    model.start();
    return window;
  }

  @Override
  public void close() throws Exception {
    FxToolkit.cleanupStages();
    tasks.close();
    thumbnails.close();
    fetcher.shutdown();
    fetcher.awaitTermination(5, TimeUnit.SECONDS);
    ws.close();
  }
}
