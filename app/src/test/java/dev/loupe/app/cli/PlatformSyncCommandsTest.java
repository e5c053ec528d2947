package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.Main;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.sync.FakePlatform;
import dev.loupe.core.sync.SyncTestData;
import dev.loupe.core.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe platform push|pull|sync|conflicts} against a fake platform named by LOUPE_PLATFORM_URL. */
class PlatformSyncCommandsTest {
  @TempDir Path dir;

  String[] run(FakePlatform platform, String workspace, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("LOUPE_WORKSPACE", dir.resolve(workspace).toString(),
        "LOUPE_CONFIG_DIR", dir.resolve("config").toString(), "YOLO_CONFIG_DIR", dir.resolve("yolo").toString(),
        "LOUPE_PLATFORM_URL", platform.server.url("/api").toString(), "LOUPE_API_KEY", FakePlatform.KEY);
    CliContext c = new CliContext(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), env, dir.resolve("home"), false, System::nanoTime, InterruptHooks.NONE);
    int code = Main.commandLine(c, Main.commands(c)).execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  JsonNode json(String[] r) throws Exception {
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    return ApiJson.MAPPER.readTree(r[1]);
  }

  @Test
  void pushSyncConflictsAndPullInTheirJsonShapes() throws Exception {
    try (FakePlatform platform = new FakePlatform(dir.resolve("remote"), true)) {
      try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
        SyncTestData.dataset(ws, dir, "pets", 5, 1);
      }
      JsonNode push = json(run(platform, "ws", "platform", "push", "pets", "--slug", "pets-up", "--json"));
      assertThat(push.get("remote").get("slug").asText()).isEqualTo("pets-up");
      assertThat(push.get("remote").get("_id").asText()).isNotBlank();
      assertThat(push.get("uploaded").asInt()).isEqualTo(5);
      assertThat(push.get("skipped").asInt()).isZero();
      assertThat(push.get("labels").asInt()).isZero();
      assertThat(json(run(platform, "ws", "platform", "push", "pets", "--json")).get("skipped").asInt()).isEqualTo(5);

      String remoteId = push.get("remote").get("_id").asText();
      String hash;
      try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
        hash = ws.images().list("pets", dev.loupe.core.workspace.ImageQuery.all()).images().get(0).hash();
        ws.labels().put("pets", hash, List.of(new BoxLabel(0, 0.3, 0.3, 0.1, 0.1)));
      }
      platform.remote.labels().put(remoteId, hash, List.of(new BoxLabel(1, 0.7, 0.7, 0.1, 0.1)));

      JsonNode sync = json(run(platform, "ws", "platform", "sync", "pets", "--json"));
      assertThat(sync.has("pushed")).isTrue();
      assertThat(sync.get("pulled").get("dataset").get("slug").asText()).isEqualTo("pets");
      assertThat(sync.get("conflicts")).hasSize(1);
      assertThat(sync.get("conflicts").get(0).get("image").asText()).isEqualTo(hash);
      assertThat(sync.get("conflicts").get(0).get("remoteLabels").get(0).get("classId").asInt()).isEqualTo(1);

      assertThat(json(run(platform, "ws", "platform", "conflicts", "pets", "--json")).get("conflicts")).hasSize(1);
      String[] half = run(platform, "ws", "platform", "conflicts", "pets", "--resolve", hash);
      assertThat(half[0]).isEqualTo("2");
      JsonNode resolved = json(run(platform, "ws", "platform", "conflicts", "pets", "--resolve", hash, "--keep", "remote", "--json"));
      assertThat(resolved.get("resolved").get("resolution").asText()).isEqualTo("remote");
      assertThat(json(run(platform, "ws", "platform", "conflicts", "pets", "--json")).get("conflicts")).isEmpty();

      JsonNode pull = json(run(platform, "other", "platform", "pull", "pets-up", "--name", "copy", "--json"));
      assertThat(pull.get("dataset").get("name").asText()).isEqualTo("copy");
      assertThat(pull.get("imported").asInt()).isEqualTo(5);
      assertThat(pull.get("format").asText()).isEqualTo("ndjson");
      assertThat(pull.get("problems")).isEmpty();
      assertThat(pull.get("failed")).isEmpty();
      try (Workspace other = Workspace.open(dir.resolve("other"))) {
        assertThat(other.labels().get("copy", hash)).containsExactly(new BoxLabel(1, 0.7, 0.7, 0.1, 0.1));
      }
    }
  }
}
