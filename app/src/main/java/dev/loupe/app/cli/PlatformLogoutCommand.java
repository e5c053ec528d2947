package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.ApiKeyResolver;
import dev.loupe.core.platform.PlatformSettingsFile;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe platform logout}: removes the stored key and says which other key would still be used. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Remove the stored API key.")
public final class PlatformLogoutCommand implements Callable<Integer> {
  private final CliContext context;

  public PlatformLogoutCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var dirs = PlatformAccess.dirs(context);
    PlatformSettingsFile file = new PlatformSettingsFile(dirs.loupeSettings());
    boolean removed = file.clearKey();
    Optional<ApiKeyResolver.Found> still = new ApiKeyResolver(dirs).resolve();
    if (context.json()) {
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.put("removed", removed);
      still.ifPresent(f -> n.put("stillUsing", f.where()));
      context.printJson(n);
      return 0;
    }
    context.out().println(removed ? "API key removed from " + file.path() : "no stored API key");
    still.ifPresent(f -> context.out().println("a key is still found in " + f.where()));
    context.out().flush();
    return 0;
  }
}
