package dev.loupe.training;

import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.TrainingEpoch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a run's folder says about it, for a process that cannot open the workspace because the one
 * training holds it: the task and epochs from args.yaml, the epochs written so far from results.csv.
 *
 * @param runDir yolo's run folder (the one holding results.csv)
 * @param epochsTotal the epochs asked for, 0 when args.yaml does not say
 */
public record RunFolderView(Path runDir, Task task, int epochsTotal, List<TrainingEpoch> epochs) {
  public RunFolderView {
    epochs = List.copyOf(epochs);
  }

  /** Reads the folder of run {@code runId}; empty when it has no run folder with a results.csv yet. */
  public static Optional<RunFolderView> read(Path workspaceRoot, String runId) throws IOException {
    Path root = TrainingFolders.of(workspaceRoot, runId).root();
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    Path results;
    try (Stream<Path> dirs = Files.list(root)) {
      results = dirs.map(d -> d.resolve("results.csv")).filter(Files::isRegularFile).findFirst().orElse(null);
    }
    if (results == null) {
      return Optional.empty();
    }
    Path runDir = results.getParent();
    Task task = Task.DETECT;
    int epochs = 0;
    Path args = runDir.resolve("args.yaml");
    if (Files.isRegularFile(args)) {
      for (String line : Files.readAllLines(args)) {
        String[] kv = line.split(":", 2);
        if (kv.length < 2) {
          continue;
        }
        String value = kv[1].strip();
        try {
          if (kv[0].strip().equals("task")) {
            task = Task.parse(value);
          } else if (kv[0].strip().equals("epochs")) {
            epochs = Integer.parseInt(value);
          }
        } catch (IllegalArgumentException unreadable) {
          // a value Loupe does not know stays at its default
        }
      }
    }
    return Optional.of(new RunFolderView(runDir, task, epochs, ResultsCsv.parse(Files.readString(results))));
  }
}
