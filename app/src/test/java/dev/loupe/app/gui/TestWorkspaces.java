package dev.loupe.app.gui;

import dev.loupe.app.demo.DemoDatasetGenerator;
import dev.loupe.app.demo.DemoFolderWriter;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ContentStore;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Workspaces for GUI tests: synthetic records (no files), or a demo dataset with real images. */
public final class TestWorkspaces {
  public static final List<String> CLASSES = List.of("person", "car", "dog", "cat");

  private TestWorkspaces() {}

  public static String hash(int i) {
    return ContentStore.sha256(("gui-test-" + i).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A dataset of {@code n} image records: image i is {@code img_<i>.jpg}, in val when i % 10 == 8,
   * test when i % 10 == 9, else train; unlabeled when i % 5 == 0, else one box of class i % 4;
   * flagged with an error when i % 100 == 7.
   */
  public static Dataset synthetic(Workspace ws, String name, int n) {
    Dataset d = ws.datasets().create(NewDataset.of(name, Task.DETECT, CLASSES));
    List<NewImage> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Split split = i % 10 == 8 ? Split.VAL : i % 10 == 9 ? Split.TEST : Split.TRAIN;
      List<Label> labels = i % 5 == 0 ? List.of() : List.of(new BoxLabel(i % 4, 0.5, 0.5, 0.2, 0.2));
      batch.add(new NewImage(hash(i), "img_" + i + ".jpg", 640, 480, 1000 + i, split, labels,
          i % 100 == 7 ? "truncated JPEG" : null, null, null));
      if (batch.size() == 5000) {
        ws.images().add(d.id(), batch);
        batch.clear();
      }
    }
    ws.images().add(d.id(), batch);
    return ws.datasets().require(d.id());
  }

  /** A folder with {@code n} demo detect images and YOLO labels. */
  public static Path demoFolder(Path dir, int n) throws IOException {
    new DemoFolderWriter(new DemoDatasetGenerator(Task.DETECT, 7), 2).write(Files.createDirectories(dir), n,
        TaskMonitor.NONE);
    return dir;
  }

  /** Imports {@code n} demo detect images (real files, thumbnails made) as dataset {@code name}. */
  public static Dataset demo(Workspace ws, Path scratch, String name, int n) throws IOException {
    Path folder = demoFolder(scratch.resolve(name + "-src"), n);
    Dataset d = ws.importDataset(folder, ImportOptions.defaults().withName(name).withFormat("yolo"),
        TaskMonitor.NONE).dataset();
    ws.thumbnails().generatePending(2, TaskMonitor.NONE);
    return d;
  }
}
