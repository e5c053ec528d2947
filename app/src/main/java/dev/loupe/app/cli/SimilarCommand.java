package dev.loupe.app.cli;

import dev.loupe.core.api.InsightJson;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.SimilarImage;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe similar DATASET HASH [-k K] [--model M]}: the images nearest to one image by their
 * vectors, nearest first, the image itself left out. Embeds the images that lack a vector first.
 */
@Command(name = "similar", mixinStandardHelpOptions = true, description = "The images most like one image.")
public final class SimilarCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "HASH", description = "The image's hash.")
  String hash;

  @Option(names = "-k", defaultValue = "10", description = "How many images (default 10).")
  int k;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Compare the vectors of this model (slug, id or file); default: the built-in descriptor.")
  String model;

  @Option(names = "--workers", paramLabel = "N", description = "Threads embedding images that lack a vector.")
  Integer workers;

  public SimilarCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    if (k < 1) {
      throw new ParameterException(spec.commandLine(), "-k must be at least 1, got " + k);
    }
    EmbedOptions options = EmbedCommand.options(spec, model, workers);
    List<SimilarImage> results;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      ws.images().require(dataset, hash);
      String modelId = model == null ? null : ModelArgument.resolve(context, ws, runtime, model);
      ws.insight().embed(dataset, new EmbedOptions(modelId, options.workers()), progress);
      progress.endLine();
      results = ws.insight().similar(dataset, hash, k, modelId);
    }
    if (context.json()) {
      context.printJson(InsightJson.similar(hash, results));
      return 0;
    }
    TextTable table = new TextTable("DISTANCE", "HASH", "FILENAME").alignRight(0);
    for (SimilarImage s : results) {
      table.row(String.format(Locale.ROOT, "%.4f", s.distance()), s.hash(), s.filename());
    }
    table.print(context.out());
    context.out().flush();
    return 0;
  }
}
