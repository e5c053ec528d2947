package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.ApiKeyRecord;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe keys revoke ID}: the key is refused (401) from now on. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API key of 'loupe serve'.")
public final class KeysRevokeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "ID", description = "The key's id (loupe keys list).")
  String id;

  public KeysRevokeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      ApiKeyRecord revoked = ApiKeyStore.of(ws).revoke(id);
      if (context.json()) {
        context.printJson(ApiJson.MAPPER.createObjectNode().set("revoked", KeysListCommand.json(revoked)));
      } else {
        context.out().println("revoked API key " + revoked.id() + " (" + revoked.name() + ")");
        context.out().flush();
      }
      return 0;
    }
  }
}
