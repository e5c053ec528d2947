package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.demo.DemoDatasetGenerator;
import dev.loupe.app.demo.DemoSample;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoRoundTripTest {
  @TempDir Path workspace;

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "OBB", "POSE"})
  void demoLabelsComeBackExactlyThroughImagesLabelsAndStats(Task task) {
    Cli cli = new Cli(workspace);
    String slug = "demo-" + task.apiName();
    JsonNode imported = cli.json("demo", "--task", task.apiName(), "--images", "12", "--seed", "7");
    assertThat(imported.path("dataset").path("slug").asText()).isEqualTo(slug);
    assertThat(imported.path("imported").asLong()).isEqualTo(12);
    assertThat(imported.path("problems").size()).isZero();

    JsonNode datasets = cli.json("datasets");
    assertThat(datasets.path("total").asInt()).isEqualTo(1);
    assertThat(datasets.path("datasets").get(0).path("task").asText()).isEqualTo(task.apiName());
    assertThat(datasets.path("datasets").get(0).path("imageCount").asLong()).isEqualTo(12);

    JsonNode images = cli.json("images", slug, "--limit", "100");
    assertThat(images.path("total").asLong()).isEqualTo(12);
    assertThat(images.path("images")).hasSize(12);

    DemoDatasetGenerator generator = new DemoDatasetGenerator(task, 7);
    long labelTotal = 0;
    for (JsonNode image : images.path("images")) {
      String filename = image.path("filename").asText();
      int index = Integer.parseInt(filename.replaceAll("\\D", ""));
      DemoSample sample = generator.sample(index);
      assertThat(image.path("split").asText()).isEqualTo(sample.split().apiName());
      JsonNode labels = cli.json("labels", "get", slug, image.path("hash").asText()).path("labels");
      assertThat(labels).hasSize(sample.labels().size());
      for (int i = 0; i < labels.size(); i++) {
        JsonNode expected = ApiJson.label(sample.labels().get(i));
        assertSameNumbers(labels.get(i), expected);
      }
      labelTotal += labels.size();
    }

    JsonNode stats = cli.json("stats", slug);
    long counted = 0;
    for (JsonNode c : stats.path("classes")) {
      counted += c.path("count").asLong();
    }
    assertThat(counted).isEqualTo(labelTotal);
    assertThat(stats.path("classNames")).hasSize(generator.classNames().size());
    assertThat(stats.has("imageStats")).isTrue();
    assertThat(stats.has("locationHeatmap")).isTrue();
  }

  private static void assertSameNumbers(JsonNode actual, JsonNode expected) {
    assertThat(actual.path("classId").asInt()).isEqualTo(expected.path("classId").asInt());
    expected.fieldNames().forEachRemaining(field -> {
      if (expected.get(field).isArray()) {
        JsonNode a = actual.path(field);
        assertThat(a.size()).as(field).isEqualTo(expected.get(field).size());
        for (int i = 0; i < a.size(); i++) {
          assertThat(a.get(i).asDouble()).as(field + "[" + i + "]").isCloseTo(expected.get(field).get(i).asDouble(), within(1e-6));
        }
      }
    });
  }

  @Test
  void demoWithOutAndNoImportWritesAYoloFolderOnly() throws Exception {
    Path out = workspace.resolve("demo-folder");
    Cli.Result r = new Cli(workspace.resolve("ws")).ok("demo", "--task", "pose", "--images", "3", "--out", out.toString(), "--no-import");
    assertThat(r.out()).contains("wrote 3 pose images");
    String yaml = Files.readString(out.resolve("data.yaml"));
    assertThat(yaml).contains("kpt_shape: [17, 3]").contains("flip_idx: [0, 2, 1, 4, 3");
    try (var files = Files.walk(out.resolve("images"))) {
      assertThat(files.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).count()).isEqualTo(3);
    }
    assertThat(Files.exists(workspace.resolve("ws"))).isFalse();
  }
}
