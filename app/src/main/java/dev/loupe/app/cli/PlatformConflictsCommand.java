package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe platform conflicts DATASET [--resolve IMAGE --keep local|remote]}: the open conflicts
 * ({@code --json}: {@code {"conflicts": [...]}}), or one resolved ({@code {"resolved": {...}}}).
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
    description = "List a dataset's sync conflicts, or resolve one by keeping the local or the remote side.")
public final class PlatformConflictsCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET", description = "The local dataset's slug or id.")
  String dataset;

  @Option(names = "--resolve", paramLabel = "IMAGE", description = "The image (sha-256) whose conflict to resolve.")
  String image;

  @Option(names = "--keep", paramLabel = "SIDE", description = "local or remote.")
  String keep;

  public PlatformConflictsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if ((image == null) != (keep == null)) {
      throw new ParameterException(spec.commandLine(), "--resolve IMAGE and --keep local|remote go together");
    }
    PlatformSync.Keep side;
    try {
      side = keep == null ? null : PlatformSync.Keep.parse(keep);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Workspace workspace = context.openWorkspace()) {
      if (side == null) {
        List<SyncConflict> open = workspace.sync().conflicts(dataset, false);
        if (context.json()) {
          ObjectNode n = ApiJson.MAPPER.createObjectNode();
          n.set("conflicts", PlatformSyncJson.conflicts(open));
          context.printJson(n);
        } else {
          PlatformSyncJson.printConflicts(open, context.out());
        }
        return 0;
      }
      try (PlatformClient client = PlatformAccess.client(context)) {
        SyncConflict resolved = new PlatformSync(workspace, client, SyncOptions.defaults()).resolve(dataset, image, side);
        if (context.json()) {
          ObjectNode n = ApiJson.MAPPER.createObjectNode();
          n.set("resolved", PlatformSyncJson.conflict(resolved));
          context.printJson(n);
        } else {
          context.out().println("resolved " + resolved.localHash() + ": kept " + resolved.resolution());
          context.out().flush();
        }
        return 0;
      } catch (PlatformException e) {
        throw PlatformAccess.failure(e);
      }
    }
  }
}
