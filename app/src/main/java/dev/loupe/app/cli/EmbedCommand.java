package dev.loupe.app.cli;

import dev.loupe.core.api.InsightJson;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe embed DATASET [--model M] [--workers N]}: stores a vector for every image that lacks
 * one (the built-in descriptor, or a model whose output is a vector). Ctrl+C stops it, keeping the
 * batches written.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Make the vectors (embeddings) a dataset's images lack, for similar images and the map.")
public final class EmbedCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "A model whose output is a vector (slug, id or model file); default: the built-in descriptor.")
  String model;

  @Option(names = "--workers", paramLabel = "N", description = "Threads decoding and embedding (default: one per core).")
  Integer workers;

  public EmbedCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    EmbedOptions options = options(spec, model, workers);
    EmbedResult result;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      ws.datasets().require(dataset);
      String modelId = model == null ? null : ModelArgument.resolve(context, ws, runtime, model);
      result = ws.insight().embed(dataset, new EmbedOptions(modelId, options.workers()), progress);
      progress.endLine();
    }
    if (context.json()) {
      context.printJson(InsightJson.embedResult(result));
    } else {
      context.out().println("embedded " + result.embedded() + " images, reused " + result.reused()
          + " stored vectors (" + result.model() + ", " + result.dimension() + " values each)");
      context.out().flush();
    }
    return 0;
  }

  /** The embedding options of {@code --model} and {@code --workers}, checked. */
  static EmbedOptions options(CommandSpec spec, String model, Integer workers) {
    try {
      return workers == null
          ? new EmbedOptions(model, EmbedOptions.builtin().workers())
          : new EmbedOptions(model, workers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--workers: " + e.getMessage());
    }
  }
}
