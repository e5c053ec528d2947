package dev.loupe.app.cli;

import dev.loupe.core.api.InsightJson;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.MapOptions;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.map.LayoutOptions;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe map DATASET [--seed S] [--model M] [--clusters K]}: embeds the images that lack a
 * vector, lays every image out in 2-D (UMAP), colours the points into clusters and stores the map.
 */
@Command(name = "map", mixinStandardHelpOptions = true,
    description = "Lay a dataset's images out in 2-D by their vectors (UMAP), clustered, and store the map.")
public final class MapCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--seed", defaultValue = "42", description = "The same seed gives the same map (default 42).")
  long seed;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Map the vectors of this model (slug, id or file); default: the built-in descriptor.")
  String model;

  @Option(names = "--clusters", paramLabel = "K", defaultValue = "0",
      description = "Clusters to colour (default 0: about sqrt(images / 2), at most 20).")
  int clusters;

  @Option(names = "--workers", paramLabel = "N", description = "Threads embedding and laying out (default: one per core).")
  Integer workers;

  public MapCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    if (clusters < 0) {
      throw new ParameterException(spec.commandLine(), "--clusters must be 0 (automatic) or more, got " + clusters);
    }
    EmbedOptions embed = EmbedCommand.options(spec, model, workers);
    DatasetMap map;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      ws.datasets().require(dataset);
      String modelId = model == null ? null : ModelArgument.resolve(context, ws, runtime, model);
      MapOptions options = new MapOptions(new EmbedOptions(modelId, embed.workers()),
          LayoutOptions.defaults(seed).withWorkers(embed.workers()), clusters);
      map = ws.insight().map(dataset, options, progress);
      progress.endLine();
    }
    if (context.json()) {
      context.printJson(InsightJson.map(map));
      return 0;
    }
    TreeMap<Integer, Integer> sizes = new TreeMap<>();
    for (MapPoint p : map.points()) {
      sizes.merge(p.cluster(), 1, Integer::sum);
    }
    context.out().println("mapped " + map.points().size() + " images (" + map.model() + ", seed " + map.seed()
        + ") into " + sizes.size() + " clusters");
    TextTable table = new TextTable("CLUSTER", "IMAGES").alignRight(0, 1);
    sizes.forEach(table::row);
    table.print(context.out());
    context.out().flush();
    return 0;
  }
}
