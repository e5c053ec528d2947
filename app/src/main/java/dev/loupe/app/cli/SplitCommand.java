package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.SplitRatios;
import dev.loupe.core.workspace.Workspace;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe split DATASET --ratios 0.8,0.1,0.1 [--seed 0]}. */
@Command(name = "split", mixinStandardHelpOptions = true,
    description = "Redistribute the images over train, val and test; the same seed gives the same split.")
public final class SplitCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--ratios", required = true, converter = Converters.RatiosConverter.class,
      description = "train,val[,test] shares, e.g. 0.8,0.1,0.1.")
  SplitRatios ratios;

  @Option(names = "--seed", defaultValue = "0", description = "Random seed (default 0).")
  long seed;

  public SplitCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      Map<Split, Long> counts = workspace.splits().redistribute(dataset, ratios, seed);
      if (context.json()) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        ObjectNode splits = n.putObject("splits");
        counts.forEach((s, c) -> splits.put(s.apiName(), c));
        context.printJson(n);
      } else {
        counts.forEach((s, c) -> context.out().println(s.apiName() + " " + c));
        context.out().flush();
      }
      return 0;
    }
  }
}
