package dev.loupe.app.cli;

import dev.loupe.core.annotate.ClassMapping;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.workspace.RevertResult;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe annotate revert RUN [--force]}: puts back the labels every image had before the run,
 * all in one step. Refuses, changing nothing, when images were edited since (listed), unless
 * {@code --force}.
 */
@Command(name = "revert", mixinStandardHelpOptions = true, description = "Undo an auto-annotation run.")
public final class AnnotateRevertCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run id (see 'loupe annotate runs DATASET').")
  String run;

  @Option(names = "--force", description = "Also restore images edited since the run (their later edits are lost).")
  boolean force;

  public AnnotateRevertCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RevertResult result;
    try (Workspace ws = context.openWorkspace()) {
      result = ws.annotationRuns().revert(run, force);
    }
    if (context.json()) {
      context.printJson(ModelJson.revert(result));
    } else if (result.refused() && !result.laterRuns().isEmpty()) {
      context.err().println("loupe: not reverted: later runs wrote " + result.editedSince().size()
          + " of its images; revert them first (" + String.join(", ", result.laterRuns()) + "), or use --force,"
          + " which loses what they and any edits since wrote");
      context.err().flush();
    } else if (result.refused()) {
      context.err().println("loupe: not reverted: " + result.editedSince().size()
          + " images were edited after the run (e.g. " + result.editedSince().get(0)
          + "); 'loupe annotate revert " + run + " --force' restores them too, losing those edits");
      context.err().flush();
    } else {
      context.out().println("reverted " + run + ": labels of " + result.restored() + " images restored"
          + (result.gone().isEmpty() ? "" : ", " + result.gone().size() + " images deleted since were skipped"));
      if (!result.classesRemoved().isEmpty()) {
        context.out().println("classes the run added, removed again: " + ClassMapping.sample(result.classesRemoved(), 8));
      }
      if (!result.classesKept().isEmpty()) {
        context.out().println("classes the run added, kept (labels use them, or classes were added after"
            + " them): " + ClassMapping.sample(result.classesKept(), 8));
      }
      context.out().flush();
    }
    return result.refused() ? ErrorReporter.FAILURE : 0;
  }

}
