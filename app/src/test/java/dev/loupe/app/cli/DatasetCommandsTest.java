package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandsTest {
  @TempDir Path workspace;

  @Test
  void createShowUpdateHaveTheApiKeys() {
    Cli cli = new Cli(workspace);
    JsonNode created = cli.json("dataset", "create", "--name", "People", "--task", "pose",
        "--classes", "person", "--kpt-shape", "17,3", "--description", "walkers");
    for (String key : List.of("_id", "name", "slug", "task", "description", "imageCount", "classCount",
        "labelCount", "classNames", "visibility", "splits", "kptShape", "createdAt", "updatedAt")) {
      assertThat(created.has(key)).as(key).isTrue();
    }
    assertThat(created.path("kptShape").toString()).isEqualTo("[17,3]");
    JsonNode updated = cli.json("dataset", "update", "people", "--name", "Walkers", "--visibility", "public");
    assertThat(updated.path("name").asText()).isEqualTo("Walkers");
    assertThat(updated.path("visibility").asText()).isEqualTo("public");
    assertThat(cli.ok("dataset", "show", "people").out()).contains("name:        Walkers").contains("kpt_shape:   [17, 3]");
    assertThat(cli.ok("datasets").out()).contains("SLUG").contains("people").contains("pose");
  }

  @Test
  void trashListRestorePurgeAndEmpty() {
    Cli cli = new Cli(workspace);
    String id = cli.json("dataset", "create", "--name", "A", "--task", "detect").path("_id").asText();
    cli.json("dataset", "create", "--name", "B", "--task", "detect");
    assertThat(cli.ok("delete", "a").out()).contains("trash restore " + id);
    JsonNode trash = cli.json("trash", "list");
    assertThat(trash.path("total").asInt()).isEqualTo(1);
    assertThat(trash.path("items").get(0).path("_id").asText()).isEqualTo(id);
    assertThat(trash.path("items").get(0).has("expiresAt")).isTrue();
    assertThat(cli.run("dataset", "show", "a").exit()).isEqualTo(1);

    assertThat(cli.ok("trash", "restore", id).out()).contains("restored a");
    assertThat(cli.json("dataset", "show", "a").path("_id").asText()).isEqualTo(id);
    assertThat(cli.json("trash", "list").path("total").asInt()).isZero();

    cli.ok("delete", "a");
    cli.ok("trash", "purge", id);
    assertThat(cli.run("trash", "restore", id).exit()).isEqualTo(1);
    cli.ok("delete", "b");
    assertThat(cli.ok("trash", "empty").out()).contains("purged 1 datasets");
    assertThat(cli.ok("trash", "list").out()).contains("the trash is empty");
  }

  @Test
  void versionsAreCreatedListedDescribedAndExported() {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "6", "--no-thumbnails");
    JsonNode v1 = cli.json("version", "create", "demo-detect", "--description", "first");
    assertThat(v1.path("version").asInt()).isEqualTo(1);
    assertThat(v1.path("imageCount").asLong()).isEqualTo(6);
    String hash = cli.json("images", "demo-detect", "--limit", "1").path("images").get(0).path("hash").asText();
    cli.ok("delete-images", "demo-detect", hash);
    cli.json("version", "create", "demo-detect");
    cli.json("version", "describe", "demo-detect", "2", "--description", "one image fewer");

    JsonNode list = cli.json("version", "list", "demo-detect");
    assertThat(list.path("versions")).hasSize(2);
    assertThat(list.path("versions").get(1).path("description").asText()).isEqualTo("one image fewer");
    assertThat(list.path("versions").get(1).path("imageCount").asLong()).isEqualTo(5);
    assertThat(cli.ok("version", "list", "demo-detect").out()).contains("first");

    Path out = workspace.resolve("v1");
    assertThat(cli.ok("version", "export", "demo-detect", "1", "--format", "yolo", "--out", out.toString()).out())
        .contains("(6 images)");
    assertThat(cli.run("version", "export", "demo-detect", "9", "--format", "yolo", "--out", out.toString()).err())
        .isEqualTo("loupe: dataset demo-detect has no version 9" + System.lineSeparator());
  }

  @Test
  void classesMergeAddRenameDelete() {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "10", "--no-thumbnails");
    JsonNode before = cli.json("stats", "demo-detect").path("classes");
    long red = before.get(0).path("count").asLong();
    long green = before.get(1).path("count").asLong();
    long blue = before.get(2).path("count").asLong();

    JsonNode merged = cli.json("classes", "merge", "demo-detect", "--from", "1,2", "--into", "0");
    assertThat(merged.path("classNames").toString()).isEqualTo("[\"red\",\"yellow\"]");
    JsonNode after = cli.json("stats", "demo-detect").path("classes");
    assertThat(after.get(0).path("count").asLong()).isEqualTo(red + green + blue);

    assertThat(cli.ok("classes", "add", "demo-detect", "purple").out()).contains("2=purple");
    assertThat(cli.ok("classes", "rename", "demo-detect", "1", "gold").out()).contains("1=gold");
    assertThat(cli.ok("classes", "delete", "demo-detect", "2").out()).contains("0 labels removed");
    assertThat(cli.run("classes", "delete", "demo-detect", "7").err()).startsWith("loupe: class 7 does not exist");
  }

  @Test
  void splitWithASeedIsDeterministic() {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "40", "--no-thumbnails");
    JsonNode first = cli.json("split", "demo-detect", "--ratios", "0.5,0.25,0.25", "--seed", "3");
    List<String> firstOrder = splitsByName(cli);
    cli.json("split", "demo-detect", "--ratios", "0.9,0.1", "--seed", "99");
    JsonNode again = cli.json("split", "demo-detect", "--ratios", "0.5,0.25,0.25", "--seed", "3");
    assertThat(again).isEqualTo(first);
    assertThat(first.path("splits").path("train").asLong()).isEqualTo(20);
    assertThat(first.path("splits").path("val").asLong()).isEqualTo(10);
    assertThat(first.path("splits").path("test").asLong()).isEqualTo(10);
    assertThat(splitsByName(cli)).isEqualTo(firstOrder);
    assertThat(cli.run("split", "demo-detect", "--ratios", "a,b").exit()).isEqualTo(2);
  }

  @Test
  void moveAndDeleteImagesAndFilters() {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "8", "--no-thumbnails");
    JsonNode images = cli.json("images", "demo-detect", "--sort", "name-asc");
    String a = images.path("images").get(0).path("hash").asText();
    String b = images.path("images").get(1).path("hash").asText();
    assertThat(cli.ok("move", "demo-detect", "--to", "test", a, b).out()).contains("moved 2 images to test");
    JsonNode test = cli.json("images", "demo-detect", "--split", "test");
    assertThat(test.path("total").asLong()).isEqualTo(2);
    assertThat(cli.ok("delete-images", "demo-detect", a).out()).contains("deleted 1 of 1 images");
    assertThat(cli.json("images", "demo-detect").path("total").asLong()).isEqualTo(7);
    assertThat(cli.json("images", "demo-detect", "--has-label", "false").path("total").asLong()).isZero();
    JsonNode paged = cli.json("images", "demo-detect", "--limit", "3");
    assertThat(paged.path("images")).hasSize(3);
    assertThat(paged.path("nextCursor").isTextual()).isTrue();
    JsonNode next = cli.json("images", "demo-detect", "--limit", "3", "--cursor", paged.path("nextCursor").asText());
    assertThat(next.path("images").get(0).path("hash").asText())
        .isNotEqualTo(paged.path("images").get(0).path("hash").asText());
    assertThat(cli.run("images", "demo-detect", "--has-label", "maybe").exit()).isEqualTo(2);
  }

  @Test
  void labelsPutReplacesLabelsFromStdinAndRefusesBadOnes() {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "2", "--no-thumbnails");
    String hash = cli.json("images", "demo-detect").path("images").get(0).path("hash").asText();
    String body = "{\"labels\":[{\"classId\":1,\"bbox\":[0.5,0.5,0.2,0.1]}]}";
    cli.stdin(body).ok("labels", "put", "demo-detect", hash, "--file", "-");
    assertThat(cli.ok("labels", "get", "demo-detect", hash).out().trim()).isEqualTo("1 0.5 0.5 0.2 0.1");
    JsonNode json = cli.json("labels", "get", "demo-detect", hash);
    assertThat(json.path("classNames")).hasSize(4);

    Cli.Result bad = cli.stdin("{\"labels\":[{\"bbox\":[1]}]}").run("labels", "put", "demo-detect", hash, "--file", "-");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.errLines()).hasSize(1);
    assertThat(bad.err()).contains("label 0");
  }

  private static List<String> splitsByName(Cli cli) {
    List<String> out = new ArrayList<>();
    for (JsonNode image : cli.json("images", "demo-detect", "--sort", "name-asc", "--limit", "100").path("images")) {
      out.add(image.path("filename").asText() + "=" + image.path("split").asText());
    }
    return out;
  }
}
