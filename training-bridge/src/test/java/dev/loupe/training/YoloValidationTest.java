package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the table {@code yolo val} prints into {@code loupe val --json}'s shape. */
class YoloValidationTest {
  @Test
  void readsBoxAndMaskFiguresOverallAndPerClass() {
    List<String> lines = List.of(
        "Ultralytics 8.3.40 Python-3.11.9 torch-2.5.1 CPU",
        "val: Scanning /tmp/labels/val... 4 images, 0 backgrounds, 0 corrupt: 100%|##########| 4/4",
        "                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95)     Mask(P"
            + "          R      mAP50  mAP50-95): 100%|##########| 1/1",
        "                   all          4          8      0.812      0.745      0.801      0.533        0.7"
            + "        0.6        0.5        0.3",
        "                   cat          3          5        0.9        0.8        0.85       0.6        0.8"
            + "        0.7        0.6        0.4",
        "                   dog          2          3      0.724       0.69      0.752      0.466      0.6"
            + "        0.5        0.4        0.2",
        "Speed: 0.3ms preprocess, 40.1ms inference, 0.0ms loss, 1.2ms postprocess per image");
    JsonNode json = YoloValidation.json("best", "pets", Task.SEGMENT, List.of("cat", "dog"), Split.VAL, lines, 1.5);
    assertThat(json.get("images").asInt()).isEqualTo(4);
    assertThat(json.get("task").asText()).isEqualTo("segment");
    JsonNode box = json.get("metrics").get("box");
    assertThat(box.get("all").get("mAP50").asDouble()).isEqualTo(0.801);
    assertThat(box.get("classes")).hasSize(2);
    assertThat(box.get("classes").get(1).get("classId").asInt()).isEqualTo(1);
    assertThat(box.get("classes").get(1).get("instances").asInt()).isEqualTo(3);
    JsonNode mask = json.get("metrics").get("mask");
    assertThat(mask.get("all").get("mAP50-95").asDouble()).isEqualTo(0.3);
    assertThat(mask.get("classes").get(0).get("precision").asDouble()).isEqualTo(0.8);
  }

  @Test
  void readsClassificationTopAccuracies() {
    List<String> lines = List.of(
        "               classes   top1_acc   top5_acc: 100%|##########| 1/1",
        "                   all      0.875          1");
    JsonNode json = YoloValidation.json("cls", "pets", Task.CLASSIFY, List.of("cat", "dog"), Split.TEST, lines, 0.2);
    assertThat(json.get("top1").asDouble()).isEqualTo(0.875);
    assertThat(json.get("top5").asDouble()).isEqualTo(1.0);
    assertThat(json.get("split").asText()).isEqualTo("test");
    assertThat(json.get("metrics").isEmpty()).isTrue();
  }
}
