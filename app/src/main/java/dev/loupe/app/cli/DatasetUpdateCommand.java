package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.DatasetPatch;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe dataset update DATASET [--name] [--description] [--visibility]}. */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Change a dataset's name, description or visibility.")
public final class DatasetUpdateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--name", description = "New name.")
  String name;

  @Option(names = "--description", description = "New description.")
  String description;

  @Option(
      names = "--visibility",
      converter = Converters.VisibilityConverter.class,
      description = "private or public.")
  Visibility visibility;

  public DatasetUpdateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      Dataset d = workspace.datasets().update(dataset, new DatasetPatch(name, description, visibility));
      if (context.json()) {
        context.printJson(ApiJson.dataset(d, workspace.images().counts(d.id())));
      } else {
        context.out().println("updated " + d.slug());
        context.out().flush();
      }
      return 0;
    }
  }
}
