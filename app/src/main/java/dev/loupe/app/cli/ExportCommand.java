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

/** {@code loupe export DATASET --format F --out PATH}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a dataset (PATH ending .zip writes a zip).")
public final class ExportCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--format", required = true, description = "yolo, ndjson, coco or classify.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "Folder or .zip to write.")
  Path out;

  public ExportCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String name = Converters.format(format, Formats.WRITABLE, spec);
    try (ConsoleProgress progress = context.progress();
        Workspace workspace = context.openWorkspace()) {
      long images = workspace.exportDataset(dataset, name, out, progress);
      progress.endLine();
      context.out().println("exported " + images + " images as " + name + " to " + out);
      context.out().flush();
      return 0;
    }
  }
}
