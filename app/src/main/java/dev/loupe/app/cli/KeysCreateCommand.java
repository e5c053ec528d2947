package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.NewApiKey;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe keys create --name N}: a new API key for the hub ({@code loupe serve}), printed this
 * once; the workspace keeps only its sha-256.
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Make an API key for 'loupe serve' (shown once).")
public final class KeysCreateCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--name", required = true, description = "What the key is for, e.g. the machine using it.")
  String name;

  public KeysCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      NewApiKey created = ApiKeyStore.of(ws).create(name);
      if (context.json()) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        n.put("key", created.key());
        n.setAll(KeysListCommand.json(created.record()));
        context.printJson(n);
        return 0;
      }
      context.out().println(created.key());
      context.out().flush();
      context.err().println("loupe: API key " + created.record().id() + " (" + created.record().name()
          + "): copy it now, it is not shown again");
      context.err().flush();
      return 0;
    }
  }
}
