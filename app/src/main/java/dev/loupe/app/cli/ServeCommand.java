package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.hub.HubConfig;
import dev.loupe.hub.HubServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe serve [--port P] [--bind ADDR]}: the Ultralytics Platform REST API over this
 * workspace, for scripts and a field team's machines (curl and Loupe's platform client alike).
 * Prints the URL, runs until Ctrl+C, then stops the server and closes the workspace cleanly. Binds
 * the loopback address unless told otherwise; every request needs a key of {@code loupe keys}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the workspace over the platform's REST API (until Ctrl+C).")
public final class ServeCommand implements Callable<Integer> {
  private static final long POLL_MILLIS = 100;

  private final CliContext context;
  private final ModelRuntime runtime;

  @Option(names = "--port", defaultValue = "" + HubConfig.DEFAULT_PORT,
      description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", defaultValue = HubConfig.LOOPBACK, paramLabel = "ADDR",
      description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0: the LAN).")
  String bind;

  public ServeCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws InterruptedException {
    HubConfig config = HubConfig.defaults().withBind(bind).withPort(port);
    try (ConsoleProgress stop = context.progress();
        Workspace ws = context.openWorkspace();
        HubServer server = HubServer.start(ws, config, runtime)) {
      if (context.json()) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        n.put("url", server.baseUrl());
        n.put("bind", bind);
        n.put("port", server.port());
        n.put("workspace", ws.root().toString());
        context.printJson(n);
      } else {
        context.out().println("Loupe hub: " + server.baseUrl() + " serving " + ws.root() + " (Ctrl+C stops)");
        context.out().flush();
      }
      if (ApiKeyStore.of(ws).list().stream().allMatch(k -> k.revoked())) {
        context.err().println("loupe: note: no valid API key yet: every request is refused until one is made"
            + " (stop, then 'loupe keys create --name NAME')");
        context.err().flush();
      }
      while (!stop.isCancelled()) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    context.err().println("loupe: hub stopped");
    context.err().flush();
    return 0;
  }
}
