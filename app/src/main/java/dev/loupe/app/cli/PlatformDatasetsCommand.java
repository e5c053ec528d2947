package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.PlatformJson;
import dev.loupe.core.platform.remote.DatasetList;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.RemoteDataset;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe platform datasets}: the platform's datasets ({@code --json}: {@code {"datasets": [...]}}). */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the datasets on the platform.")
public final class PlatformDatasetsCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--owner", paramLabel = "USER", description = "A team workspace's owner.")
  String owner;

  @Option(names = "--limit", paramLabel = "N", description = "At most N datasets (platform default 1000).")
  Integer limit;

  public PlatformDatasetsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    DatasetList list;
    try (PlatformClient client = PlatformAccess.client(context)) {
      list = client.datasets().list(new DatasetQuery(null, null, limit, owner));
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
    if (context.json()) {
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.set("datasets", PlatformJson.MAPPER.valueToTree(list.datasets()));
      n.put("total", list.total() == null ? list.datasets().size() : list.total());
      context.printJson(n);
      return 0;
    }
    if (list.datasets().isEmpty()) {
      context.out().println("no datasets on the platform");
      context.out().flush();
      return 0;
    }
    TextTable table = new TextTable("SLUG", "TASK", "IMAGES", "CLASSES", "VISIBILITY", "ID").alignRight(2, 3);
    for (RemoteDataset d : list.datasets()) {
      table.row(d.slug(), d.task(), d.imageCount(), d.classCount(), d.visibility(), d.id());
    }
    table.print(context.out());
    return 0;
  }
}
