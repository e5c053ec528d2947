package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.sync.ModelPull;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe platform model pull ID}: a platform model's files into the workspace's model registry. */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Download a platform model's files (.onnx, .torchscript, .pt) into the model registry.")
public final class PlatformModelPullCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Parameters(index = "0", paramLabel = "ID", description = "The remote model's id.")
  String id;

  public PlatformModelPullCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    try (ConsoleProgress progress = context.progress();
        Workspace workspace = context.openWorkspace();
        PlatformClient client = PlatformAccess.client(context)) {
      List<ModelRecord> models = new ModelPull(workspace, client).pull(id, runtime::inspect, progress);
      progress.endLine();
      if (context.json()) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("models");
        models.forEach(m -> list.add(ModelJson.model(m, null)));
        context.printJson(n);
      } else {
        models.forEach(m -> context.out().println("registered " + m.slug() + " (" + m.id() + "), " + m.format()));
        context.out().flush();
      }
      return 0;
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
  }
}
