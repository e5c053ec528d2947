package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code loupe platform gpus}: the cloud GPU types and their stock (High, Medium, Low, or unknown),
 * from {@code GET /api/training/gpu-availability} ({@code --json}: {@code {"gpus": {"rtx-4090":
 * "High", ...}}}).
 */
@Command(name = "gpus", mixinStandardHelpOptions = true, description = "Show the cloud GPU types and their availability.")
public final class PlatformGpusCommand implements Callable<Integer> {
  private final CliContext context;

  public PlatformGpusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    Map<String, String> stock;
    try (PlatformClient client = PlatformAccess.client(context)) {
      stock = client.training().gpuAvailability();
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
    if (context.json()) {
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      ObjectNode gpus = n.putObject("gpus");
      stock.forEach(gpus::put);
      context.printJson(n);
      return 0;
    }
    TextTable table = new TextTable("GPU", "AVAILABILITY");
    stock.forEach((gpu, level) -> table.row(gpu, level == null ? "unknown" : level));
    table.print(context.out());
    return 0;
  }
}
