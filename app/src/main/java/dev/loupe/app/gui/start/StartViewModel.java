package dev.loupe.app.gui.start;

import dev.loupe.app.demo.DemoDatasetGenerator;
import dev.loupe.app.demo.DemoFolderWriter;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.SettingsStore;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Task;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.ApiKeyResolver;
import dev.loupe.core.platform.PlatformSettingsFile;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The start page of an empty workspace: makes and imports the demo dataset (what {@code loupe demo}
 * does) in the background, and says whether a platform API key is set and stores a new one in
 * Loupe's {@code platform.json}.
 */
public final class StartViewModel {
  /** The demo's size: enough to see the grid, the statistics and the map, made in seconds. */
  public static final int DEMO_IMAGES = 60;
  public static final String DEMO_NAME = "demo-detect";

  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final SettingsStore settings;
  private final ReadOnlyBooleanWrapper makingDemo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper platform = new ReadOnlyStringWrapper();

  public StartViewModel(Workspace workspace, BackgroundTasks tasks, SettingsStore settings) {
    this.workspace = workspace;
    this.tasks = tasks;
    this.settings = settings;
    platform.set(describeKey());
  }

  /** True while the demo is being made (its button waits). */
  public ReadOnlyBooleanProperty makingDemoProperty() {
    return makingDemo.getReadOnlyProperty();
  }

  /** "Connected: a key from ..." or "Not connected ...". */
  public ReadOnlyStringProperty platformProperty() {
    return platform.getReadOnlyProperty();
  }

  /** Makes the demo images in a temporary folder, imports them, removes the folder; {@code done} gets the import. */
  public void openDemo(Consumer<ImportResult> done) {
    if (makingDemo.get()) {
      return;
    }
    makingDemo.set(true);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    tasks.submit(Messages.text("start.demo.task"), m -> makeDemo(threads, m), done, () -> makingDemo.set(false));
  }

  private ImportResult makeDemo(int threads, TaskMonitor monitor) throws IOException {
    Path dir = Files.createTempDirectory("loupe-demo");
    try {
      new DemoFolderWriter(new DemoDatasetGenerator(Task.DETECT, 0), threads).write(dir, DEMO_IMAGES, monitor);
      return workspace.importDataset(dir, new ImportOptions("yolo", Task.DETECT, null, DEMO_NAME, threads, null), monitor);
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Whether a key can be stored here (not when the settings are kept in memory). */
  public boolean canStoreKey() {
    return settings.platform() != null;
  }

  /** Why {@code text} is not an API key, or null when it is one. */
  public static String keyProblem(String text) {
    if (text == null || text.isBlank()) {
      return Messages.text("platform.key.missing");
    }
    return ApiKey.isValid(text.strip()) ? null : Messages.text("platform.key.malformed");
  }

  /**
   * Stores {@code text} as the API key in Loupe's platform settings (owner-only file).
   *
   * @throws IllegalArgumentException when it is not a key
   * @throws IllegalStateException when the settings are kept in memory
   */
  public void storeKey(String text) {
    PlatformSettingsFile file = settings.platform();
    if (file == null) {
      throw new IllegalStateException(Messages.text("platform.key.noStore"));
    }
    file.saveKey(ApiKey.parse(text.strip()));
    platform.set(describeKey());
  }

  private String describeKey() {
    ApiKeyResolver keys = settings.apiKeys();
    if (keys == null) {
      return Messages.text("platform.none");
    }
    try {
      return keys.resolve().map(f -> Messages.text("platform.connected", f.where()))
          .orElse(Messages.text("platform.none"));
    } catch (IllegalArgumentException malformed) {
      return malformed.getMessage();
    }
  }
}
