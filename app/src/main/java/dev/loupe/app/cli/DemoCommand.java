package dev.loupe.app.cli;

import dev.loupe.app.demo.DemoDatasetGenerator;
import dev.loupe.app.demo.DemoFolderWriter;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loupe demo}: a synthetic dataset with exact labels, imported into the workspace. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a synthetic dataset with exact labels and import it.")
public final class DemoCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = "--task", defaultValue = "detect", converter = Converters.TaskConverter.class,
      description = "detect, segment, obb or pose (default detect).")
  Task task;

  @Option(names = "--images", defaultValue = "100", paramLabel = "N", description = "How many images (default 100).")
  int images;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default 0).")
  long seed;

  @Option(names = "--name", paramLabel = "N", description = "Dataset name (default demo-<task>).")
  String name;

  @Option(names = "--out", paramLabel = "DIR", description = "Keep the YOLO folder here (default: a temporary one).")
  Path out;

  @Option(names = "--no-import", description = "Only write the folder (needs --out).")
  boolean noImport;

  @Option(names = "--no-thumbnails", description = "Do not make thumbnails after the import.")
  boolean noThumbnails;

  @Option(names = "--workers", paramLabel = "N", description = "Threads (default: all cores).")
  int workers;

  public DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (images < 1) {
      throw new ParameterException(spec.commandLine(), "--images must be at least 1");
    }
    if (noImport && out == null) {
      throw new ParameterException(spec.commandLine(), "--no-import needs --out DIR");
    }
    DemoDatasetGenerator generator;
    try {
      generator = new DemoDatasetGenerator(task, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    DemoFolderWriter writer = new DemoFolderWriter(generator, threads);
    try (ConsoleProgress progress = context.progress()) {
      if (noImport) {
        writer.write(Files.createDirectories(out), images, progress);
        progress.endLine();
        context.out().println("wrote " + images + " " + task.apiName() + " images to " + out);
        context.out().flush();
        return 0;
      }
      try (Workspace workspace = context.openWorkspace()) {
        Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("loupe-demo");
        try {
          writer.write(dir, images, progress);
          importFolder(workspace, dir, threads, progress);
        } finally {
          if (out == null) {
            deleteTree(dir);
          }
        }
      }
      return 0;
    }
  }

  private void importFolder(Workspace workspace, Path dir, int threads, ConsoleProgress progress)
      throws IOException {
    String datasetName = name != null ? name : "demo-" + task.apiName();
    ImportOptions options = new ImportOptions("yolo", task, null, datasetName, threads, null);
    ImportResult result = workspace.importDataset(dir, options, progress);
    progress.endLine();
    ImportSummary summary = new ImportSummary(result, workspace.images().counts(result.dataset().id()));
    if (context.json()) {
      context.printJson(summary.toJson());
    } else {
      summary.print(context.out());
    }
    if (!noThumbnails) {
      workspace.thumbnails().generatePending(threads, progress);
      progress.checkCancelled();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the OS cleans up what is left
    }
  }
}
