package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightCommandsTest {
  @TempDir Path workspace;

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private String firstHash(Cli cli) {
    return cli.json("images", "demo-detect", "--limit", "1", "--sort", "oldest").path("images").get(0).path("hash").asText();
  }

  @Test
  void embedThenSimilarHaveTheirJsonShapes() {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "8", "--no-thumbnails");

    JsonNode embedded = cli.json("embed", "demo-detect", "--workers", "2");
    assertThat(fields(embedded)).containsExactly("dataset", "embedded", "reused", "dimension", "model");
    assertThat(embedded.path("embedded").asInt()).isEqualTo(8);
    assertThat(embedded.path("reused").asInt()).isZero();
    assertThat(embedded.path("model").asText()).isEqualTo("builtin");
    JsonNode again = cli.json("embed", "demo-detect");
    assertThat(again.path("embedded").asInt()).isZero();
    assertThat(again.path("reused").asInt()).isEqualTo(8);
    assertThat(cli.ok("embed", "demo-detect").out()).startsWith("embedded 0 images, reused 8 stored vectors (builtin");

    String hash = firstHash(cli);
    JsonNode similar = cli.json("similar", "demo-detect", hash, "-k", "3");
    assertThat(fields(similar)).containsExactly("hash", "results");
    assertThat(similar.path("hash").asText()).isEqualTo(hash);
    assertThat(similar.path("results")).hasSize(3);
    double last = 0;
    for (JsonNode r : similar.path("results")) {
      assertThat(fields(r)).containsExactly("hash", "filename", "distance");
      assertThat(r.path("hash").asText()).isNotEqualTo(hash);
      assertThat(r.path("distance").asDouble()).isGreaterThanOrEqualTo(last);
      last = r.path("distance").asDouble();
    }
    assertThat(cli.ok("similar", "demo-detect", hash, "-k", "2").out()).contains("DISTANCE").contains("HASH");
  }

  @Test
  void duplicatesHaveTheirJsonShape() throws Exception {
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "4", "--no-thumbnails");
    String hash = firstHash(cli);
    java.nio.file.Path source = java.nio.file.Files.walk(workspace.resolve("blobs"))
        .filter(p -> p.getFileName().toString().equals(hash)).findFirst().orElseThrow();
    java.awt.image.BufferedImage pixels = javax.imageio.ImageIO.read(source.toFile());
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(workspace.resolve("copy/images/val"));
    javax.imageio.ImageIO.write(dev.loupe.core.insight.SyntheticImages.resized(pixels, 0.7), "png",
        folder.resolve("copy.png").toFile());
    java.nio.file.Files.writeString(workspace.resolve("copy/data.yaml"), "val: images/val\nnames:\n  0: thing\n");
    cli.ok("import", workspace.resolve("copy").toString(), "--into", "demo-detect");

    JsonNode json = cli.json("duplicates", "demo-detect");
    assertThat(fields(json)).containsExactly("groups");
    JsonNode group = json.path("groups").get(0);
    assertThat(fields(group)).containsExactly("kind", "crossSplit", "images");
    assertThat(group.path("kind").asText()).isEqualTo("near");
    assertThat(fields(group.path("images").get(0))).containsExactly("hash", "filename", "split");
    assertThat(group.path("images").findValuesAsText("hash")).contains(hash);
    assertThat(cli.ok("duplicates", "demo-detect").out()).contains("near duplicates");
    assertThat(cli.run("duplicates", "demo-detect", "--threshold", "2").exit()).isEqualTo(2);
  }

  /** Whether the UMAP layouter is in this build (it lands from its own branch). */
  private static boolean layoutWorks() {
    try {
      new dev.loupe.core.map.Umap().layout(new float[20][3], dev.loupe.core.map.LayoutOptions.defaults(1).withWorkers(1),
          dev.loupe.core.task.TaskMonitor.NONE);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  @Test
  void mapHasOnePointPerImageInItsJsonShape() {
    org.junit.jupiter.api.Assumptions.assumeTrue(layoutWorks(), "the UMAP layouter is not in this build yet");
    Cli cli = new Cli(workspace);
    cli.ok("demo", "--images", "20", "--no-thumbnails");
    JsonNode map = cli.json("map", "demo-detect", "--seed", "7");
    assertThat(fields(map)).containsExactly("total", "points");
    assertThat(map.path("total").asInt()).isEqualTo(20);
    assertThat(map.path("points")).hasSize(20);
    assertThat(fields(map.path("points").get(0))).containsExactly("hash", "x", "y", "cluster", "split");
    assertThat(cli.json("map", "demo-detect", "--seed", "7")).isEqualTo(map);
    assertThat(cli.ok("map", "demo-detect").out()).startsWith("mapped 20 images (builtin, seed 42) into");
  }

  @Test
  void badInputGivesOneLineAndANonZeroExit() {
    Cli cli = new Cli(workspace);
    cli.ok("dataset", "create", "--name", "Empty", "--task", "detect");
    cli.ok("demo", "--images", "4", "--no-thumbnails");

    assertThat(cli.run("embed", "nope").err()).isEqualTo("loupe: dataset 'nope' not found" + System.lineSeparator());
    Cli.Result empty = cli.run("embed", "empty");
    assertThat(empty.exit()).isEqualTo(1);
    assertThat(empty.err()).isEqualTo("loupe: dataset 'empty' has no images to embed" + System.lineSeparator());
    Cli.Result unknownHash = cli.run("similar", "demo-detect", "f".repeat(64));
    assertThat(unknownHash.exit()).isEqualTo(1);
    assertThat(unknownHash.errLines()).hasSize(1);
    assertThat(unknownHash.err()).contains("not found");
    assertThat(cli.run("similar", "demo-detect", firstHash(cli), "-k", "0").exit()).isEqualTo(2);
    assertThat(cli.run("embed", "demo-detect", "--model", "no-such-model").err())
        .isEqualTo("loupe: model 'no-such-model' not found" + System.lineSeparator());
    assertThat(cli.run("map", "empty").err()).isEqualTo("loupe: dataset 'empty' has no images to map" + System.lineSeparator());
    Cli.Result few = cli.run("map", "demo-detect");
    assertThat(few.exit()).isEqualTo(1);
    assertThat(few.err())
        .isEqualTo("loupe: dataset 'demo-detect' has 4 images; a map of 15 neighbours needs at least 16" + System.lineSeparator());
    assertThat(cli.json("embed", "demo-detect").path("embedded").asInt()).isEqualTo(4);
  }
}
