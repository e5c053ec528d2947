package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.ApiKeyRecord;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe keys list}: the hub's API keys by id, name and prefix (never the keys themselves). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the API keys of 'loupe serve'.")
public final class KeysListCommand implements Callable<Integer> {
  private final CliContext context;

  public KeysListCommand(CliContext context) {
    this.context = context;
  }

  static ObjectNode json(ApiKeyRecord k) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("id", k.id());
    n.put("name", k.name());
    n.put("prefix", k.prefix());
    n.put("createdAt", k.createdAt().toString());
    if (k.lastUsedAt() == null) {
      n.putNull("lastUsedAt");
    } else {
      n.put("lastUsedAt", k.lastUsedAt().toString());
    }
    n.put("revoked", k.revoked());
    return n;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      List<ApiKeyRecord> keys = ApiKeyStore.of(ws).list();
      if (context.json()) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        ArrayNode list = n.putArray("keys");
        keys.forEach(k -> list.add(json(k)));
        context.printJson(n);
        return 0;
      }
      if (keys.isEmpty()) {
        context.out().println("no API keys: make one with 'loupe keys create --name NAME'");
        context.out().flush();
        return 0;
      }
      TextTable table = new TextTable("ID", "NAME", "PREFIX", "CREATED", "LAST USED", "STATE");
      for (ApiKeyRecord k : keys) {
        table.row(k.id(), k.name(), k.prefix() + "...", Dates.format(k.createdAt()),
            k.lastUsedAt() == null ? "-" : Dates.format(k.lastUsedAt()), k.revoked() ? "revoked" : "valid");
      }
      table.print(context.out());
      return 0;
    }
  }
}
