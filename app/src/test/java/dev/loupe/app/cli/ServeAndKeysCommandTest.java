package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.DatasetQuery;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndKeysCommandTest {
  @TempDir Path workspace;

  @Test
  void keysAreCreatedListedWithoutTheKeyAndRevoked() {
    Cli cli = new Cli(workspace);
    JsonNode created = cli.json("keys", "create", "--name", "field laptop");
    String key = created.get("key").asText();
    assertThat(key).matches("ul_[0-9a-f]{40}");
    String id = created.get("id").asText();
    assertThat(created.get("name").asText()).isEqualTo("field laptop");

    Cli.Result listed = cli.ok("keys", "list", "--json");
    assertThat(listed.out()).doesNotContain(key);
    JsonNode keys = listed.json().get("keys");
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).get("id").asText()).isEqualTo(id);
    assertThat(keys.get(0).get("prefix").asText()).isEqualTo(key.substring(0, 8));
    assertThat(keys.get(0).get("revoked").asBoolean()).isFalse();
    assertThat(cli.ok("keys", "list").out()).contains(id).contains("valid").doesNotContain(key);

    cli.ok("keys", "revoke", id);
    assertThat(cli.json("keys", "list").get("keys").get(0).get("revoked").asBoolean()).isTrue();
    Cli.Result again = cli.run("keys", "revoke", id);
    assertThat(again.exit()).isNotZero();
    assertThat(again.err()).contains("no valid API key");
  }

  @Test
  void serveAnswersWithTheKeyUntilCtrlCThenClosesTheWorkspace() throws Exception {
    Cli cli = new Cli(workspace);
    String key = cli.json("keys", "create", "--name", "test").get("key").asText();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    AtomicReference<Runnable> ctrlC = new AtomicReference<>();
    InterruptHooks hooks = (cancel, await) -> {
      ctrlC.set(cancel);
      return () -> {};
    };
    CompletableFuture<Cli.Result> serving = CompletableFuture.supplyAsync(
        () -> new Cli(workspace).interruptHooks(hooks).run("serve", "--port", Integer.toString(port)));

    String url = "http://127.0.0.1:" + port + "/api";
    try (PlatformClient client = PlatformClient.builder(url).apiKey(ApiKey.parse(key)).build()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      Long total = null;
      while (total == null) {
        try {
          total = client.datasets().list(DatasetQuery.all()).total();
        } catch (PlatformException.Unreachable notYet) {
          assertThat(System.nanoTime()).as("the hub answered within 30 s").isLessThan(deadline);
          Thread.sleep(100);
        }
      }
      assertThat(total).isZero();
    }
    ctrlC.get().run();
    Cli.Result r = serving.get(30, TimeUnit.SECONDS);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Loupe hub: " + url);
    assertThat(r.out() + r.err()).doesNotContain(key);
    assertThat(r.err()).contains("hub stopped");
    assertThat(cli.json("keys", "list").get("keys")).hasSize(1);
  }
}
