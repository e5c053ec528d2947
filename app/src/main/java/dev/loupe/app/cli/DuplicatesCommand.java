package dev.loupe.app.cli;

import dev.loupe.core.api.InsightJson;
import dev.loupe.core.insight.DuplicateFinder;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe duplicates DATASET [--threshold T]}: groups of exact copies (identical pixels) and near
 * copies (resized, re-encoded or slightly cropped), with groups that span splits flagged as leaks.
 */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
    description = "Exact and near duplicate images of a dataset, and train/val/test leaks.")
public final class DuplicatesCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--threshold", paramLabel = "T",
      description = "0 (exact copies only) to 1 (loosest); default " + DuplicateFinder.DEFAULT_THRESHOLD + ".")
  double threshold = DuplicateFinder.DEFAULT_THRESHOLD;

  public DuplicatesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new ParameterException(spec.commandLine(), "--threshold must be from 0 to 1, got " + threshold);
    }
    List<DuplicateGroup> groups;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      groups = ws.insight().duplicates(dataset, threshold, progress);
      progress.endLine();
    }
    if (context.json()) {
      context.printJson(InsightJson.duplicates(groups));
      return 0;
    }
    long leaks = groups.stream().filter(DuplicateGroup::crossSplit).count();
    for (DuplicateGroup g : groups) {
      context.out().println(g.kind().apiName() + " duplicates" + (g.crossSplit() ? " across splits (a leak)" : "") + ":");
      for (DuplicateImage image : g.images()) {
        context.out().println("  " + image.split().apiName() + "  " + image.hash() + "  " + image.filename());
      }
    }
    context.out().println(groups.size() + " groups, " + leaks + " across splits");
    context.out().flush();
    return 0;
  }
}
