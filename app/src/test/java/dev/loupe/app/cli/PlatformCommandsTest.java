package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.Main;
import dev.loupe.core.api.ApiJson;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe platform} against a scripted platform named by LOUPE_PLATFORM_URL. */
class PlatformCommandsTest {
  static final String KEY = "ul_" + "0123456789abcdef".repeat(2) + "01234567";
  @TempDir Path dir;

  String[] run(MockWebServer server, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("LOUPE_WORKSPACE", dir.resolve("ws").toString(),
        "LOUPE_CONFIG_DIR", dir.resolve("config").toString(), "YOLO_CONFIG_DIR", dir.resolve("yolo").toString(),
        "LOUPE_PLATFORM_URL", server.url("/api").toString());
    CliContext c = new CliContext(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, dir.resolve("home"), false,
        System::nanoTime, InterruptHooks.NONE);
    int code = Main.commandLine(c, Main.commands(c)).execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void loginThenListDatasetsAndModels() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      String[] login = run(server, KEY + "\n", "platform", "login");
      assertThat(login[0]).isEqualTo("0");
      assertThat(login[1] + login[2]).doesNotContain(KEY.substring(3));
      assertThat(Files.readString(dir.resolve("config/platform.json"))).contains(KEY);

      server.enqueue(new MockResponse().setBody("{\"datasets\": [{\"_id\": \"d1\", \"slug\": \"cats\", \"task\": \"detect\"}], \"total\": 1}"));
      String[] datasets = run(server, "", "platform", "datasets", "--json");
      assertThat(datasets[0]).isEqualTo("0");
      JsonNode json = ApiJson.MAPPER.readTree(datasets[1]);
      assertThat(json.get("datasets").get(0).get("_id").asText()).isEqualTo("d1");
      assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);

      server.enqueue(new MockResponse().setBody("{\"projects\": [{\"_id\": \"p1\", \"slug\": \"proj\"}]}"));
      server.enqueue(new MockResponse().setBody("{\"models\": [{\"_id\": \"m1\", \"metrics\": {\"mAP50\": 0.85}}], \"count\": 1}"));
      String[] models = run(server, "", "platform", "models", "proj", "--json");
      assertThat(models[0]).isEqualTo("0");
      assertThat(ApiJson.MAPPER.readTree(models[1]).get("models").get(0).get("metrics").get("mAP50").asDouble()).isEqualTo(0.85);

      server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\": \"Invalid API key\"}"));
      String[] refused = run(server, "", "platform", "datasets");
      assertThat(refused[0]).isEqualTo("1");
      assertThat(refused[2]).startsWith("loupe: Invalid API key (401 UNAUTHORIZED").doesNotContain(KEY.substring(3));

      String[] logout = run(server, "", "platform", "logout");
      assertThat(logout[0]).isEqualTo("0");
      assertThat(Files.exists(dir.resolve("config/platform.json"))).isFalse();
    }
  }

  @Test
  void aMalformedKeyIsRefusedWithoutEchoingIt() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      String[] r = run(server, "ul_nothex\n", "platform", "login");
      assertThat(r[0]).isEqualTo("1");
      assertThat(r[2]).contains("40 hex digits").doesNotContain("nothex");
      assertThat(Files.exists(dir.resolve("config/platform.json"))).isFalse();
    }
  }
}
