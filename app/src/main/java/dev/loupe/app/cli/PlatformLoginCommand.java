package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformSettingsFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loupe platform login}: reads an API key (a prompt without echo on a terminal, else the
 * first line of stdin), checks its form and stores it in the owner-only settings file.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = "Store an Ultralytics Platform API key (read without echo, or from stdin).")
public final class PlatformLoginCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--url", paramLabel = "URL", description = "Also store this API base URL (default: "
      + PlatformClient.DEFAULT_BASE_URL + ").")
  String url;

  public PlatformLoginCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    String text = readKey();
    ApiKey key = ApiKey.parse(text);
    if (url != null) {
      PlatformClient.builder(url).build().close();
    }
    PlatformSettingsFile file = new PlatformSettingsFile(PlatformAccess.dirs(context).loupeSettings());
    file.saveKey(key);
    if (url != null) {
      file.saveUrl(url);
    }
    if (context.json()) {
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.put("saved", file.path().toString());
      if (url != null) {
        n.put("url", url);
      }
      context.printJson(n);
    } else {
      context.out().println("API key saved to " + file.path() + " (readable only by you)");
      context.out().flush();
    }
    return 0;
  }

  private String readKey() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Ultralytics API key (ul_...): ");
      return typed == null ? "" : new String(typed);
    }
    String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
    return line == null ? "" : line;
  }
}
