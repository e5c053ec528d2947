package dev.loupe.app.cli;

import dev.loupe.core.workspace.Formats;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loupe version export DATASET N --format F --out PATH}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a version in a format.")
public final class VersionExportCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "N", description = "Version number.")
  int number;

  @Option(names = "--format", required = true, description = "yolo, ndjson, coco or classify.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "Folder or .zip to write.")
  Path out;

  public VersionExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String name = Converters.format(format, Formats.WRITABLE, spec);
    try (ConsoleProgress progress = context.progress();
        Workspace workspace = context.openWorkspace()) {
      long images = workspace.versions().export(dataset, number, name, out, progress);
      progress.endLine();
      context.out().println("exported version " + number + " (" + images + " images) as " + name + " to " + out);
      context.out().flush();
      return 0;
    }
  }
}
