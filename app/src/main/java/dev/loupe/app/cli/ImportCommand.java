package dev.loupe.app.cli;

import dev.loupe.core.domain.Task;
import dev.loupe.core.io.ArchiveLimits;
import dev.loupe.core.workspace.Formats;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe import PATH}: a folder, file or archive into a new or existing dataset. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import a dataset from a folder, a file or an archive (zip, tar, tar.gz).")
public final class ImportCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "Folder, data.yaml, NDJSON, COCO JSON or archive.")
  Path path;

  @Option(names = "--name", description = "Name of the new dataset (default: from the input).")
  String name;

  @Option(names = "--format", description = "yolo, classify, ndjson or coco (default: detected).")
  String format;

  @Option(names = "--task", converter = Converters.TaskConverter.class, description = "Force the task.")
  Task task;

  @Option(names = "--into", paramLabel = "DATASET", description = "Add to this dataset instead of a new one.")
  String into;

  @Option(names = "--workers", paramLabel = "N", description = "Threads reading images (default: all cores).")
  int workers;

  @Option(names = "--max-archive-bytes", paramLabel = "B", description = "Most bytes an archive may unpack to.")
  Long maxArchiveBytes;

  @Option(names = "--no-thumbnails", description = "Do not make thumbnails after the import.")
  boolean noThumbnails;

  public ImportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    ImportOptions options = new ImportOptions(
        format == null ? null : Converters.format(format, Formats.READABLE, spec),
        task, into, name, workers, limits());
    try (ConsoleProgress progress = context.progress();
        Workspace workspace = context.openWorkspace()) {
      ImportResult result = workspace.importDataset(path, options, progress);
      progress.endLine();
      ImportSummary summary = new ImportSummary(result, workspace.images().counts(result.dataset().id()));
      if (context.json()) {
        context.printJson(summary.toJson());
      } else {
        summary.print(context.out());
      }
      if (!noThumbnails) {
        int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        workspace.thumbnails().generatePending(threads, progress);
        progress.checkCancelled();
      }
      return 0;
    }
  }

  private ArchiveLimits limits() {
    if (maxArchiveBytes == null) {
      return null;
    }
    try {
      return new ArchiveLimits(maxArchiveBytes, ArchiveLimits.DEFAULT.maxEntries());
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-archive-bytes must be positive");
    }
  }
}
