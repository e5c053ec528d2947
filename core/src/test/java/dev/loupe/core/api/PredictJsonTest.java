package dev.loupe.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PredictJsonTest {
  private static ModelInfo model(Task task, KptShape kpt) {
    return new ModelInfo("onnx", task, List.of("a", "b"), 640, 640, 32, false, kpt, 3, Map.of());
  }

  private static JsonNode one(ModelInfo model, Detection d) {
    ImagePrediction p = new ImagePrediction(480, 640, List.of(d), List.of());
    JsonNode root = PredictJson.response(model, List.of(new PredictJson.Item(null, p)));
    assertThat(root.get("metadata").get("imageCount").asInt()).isEqualTo(1);
    assertThat(root.get("images").get(0).get("shape").toString()).isEqualTo("[480,640]");
    return root.get("images").get(0).get("results").get(0);
  }

  @Test
  void aBoxAsThePlatformWritesIt() {
    JsonNode r = one(model(Task.DETECT, null), Detection.box(1, "b", 0.9123456, 10.123, 20, 30.456, 40));
    assertThat(r.toString())
        .isEqualTo("{\"class\":1,\"name\":\"b\",\"confidence\":0.91235,"
            + "\"box\":{\"x1\":10.12,\"y1\":20.0,\"x2\":30.46,\"y2\":40.0}}");
  }

  @Test
  void segmentsAsXAndYLists() {
    Detection d = new Detection(0, "a", 0.5, 0, 0, 10, 10,
        List.of(new double[] {1, 2, 3, 4}, new double[] {0, 0, 10, 0, 10, 10}), null, null);
    JsonNode s = one(model(Task.SEGMENT, null), d).get("segments");
    assertThat(s.get("x").toString()).isEqualTo("[0.0,10.0,10.0]");
    assertThat(s.get("y").toString()).isEqualTo("[0.0,0.0,10.0]");
  }

  @Test
  void aSegmentResultWhoseMaskIsEmptyHasEmptySegments() {
    Detection d = new Detection(0, "a", 0.0076, 0, 0, 2, 2, List.of(), null, null);
    JsonNode s = one(model(Task.SEGMENT, null), d).get("segments");
    assertThat(s.toString()).isEqualTo("{\"x\":[],\"y\":[]}");
    assertThat(one(model(Task.DETECT, null), Detection.box(0, "a", 0.5, 0, 0, 2, 2)).has("segments")).isFalse();
  }

  @Test
  void keypointsWithVisibility() {
    Detection d = new Detection(0, "a", 0.5, 0, 0, 10, 10, List.of(), new double[] {1, 2, 0.9, 3, 4, 0.1}, null);
    JsonNode k = one(model(Task.POSE, new KptShape(2, 3)), d).get("keypoints");
    assertThat(k.toString()).isEqualTo("{\"x\":[1.0,3.0],\"y\":[2.0,4.0],\"visible\":[0.9,0.1]}");
  }

  @Test
  void rotatedBoxesAsFourCorners() {
    Detection d = new Detection(1, "b", 0.7, 0, 0, 0, 0, List.of(), null, new double[] {50, 50, 20, 10, 0});
    JsonNode box = one(model(Task.OBB, null), d).get("box");
    assertThat(box.toString())
        .isEqualTo("{\"x1\":60.0,\"y1\":55.0,\"x2\":60.0,\"y2\":45.0,\"x3\":40.0,\"y3\":45.0,\"x4\":40.0,\"y4\":55.0}");
  }

  @Test
  void classificationListsTheTopClasses() {
    ImagePrediction p = new ImagePrediction(10, 20, List.of(),
        List.of(new ClassScore(1, "b", 0.75), new ClassScore(0, "a", 0.25)));
    JsonNode image = PredictJson.response(model(Task.CLASSIFY, null), List.of(new PredictJson.Item("x.jpg", p)))
        .get("images").get(0);
    assertThat(image.get("file").asText()).isEqualTo("x.jpg");
    assertThat(image.get("results").toString())
        .isEqualTo("[{\"class\":1,\"name\":\"b\",\"confidence\":0.75},{\"class\":0,\"name\":\"a\",\"confidence\":0.25}]");
  }
}
