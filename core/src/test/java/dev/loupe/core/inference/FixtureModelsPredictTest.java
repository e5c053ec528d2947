package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole predict pipeline (decode, letterbox, ONNX Runtime through DJL, decoders) on the coco8
 * train images gives the detections of the reference implementation of Ultralytics' pipeline: the
 * same objects one to one, box IoU >= 0.97, confidence within 0.02.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureModelsPredictTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Predictor> opened = new ArrayList<>();

  @AfterAll
  void closeAll() {
    opened.forEach(Predictor::close);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yolov8n_int8", "yolo26n_int8", "yolov8n-seg_int8"})
  void detectionsMatchTheReference(String modelName) throws IOException {
    Path model = Fixtures.require("models/" + modelName + ".onnx");
    Path reference = Fixtures.require("reference/" + modelName + ".train.json");
    Path images = Fixtures.require("coco8/images/train");
    Predictor predictor = ModelLoader.load(model, EngineOptions.DEFAULTS);
    opened.add(predictor);
    assertThat(predictor.info().task()).isIn(Task.DETECT, Task.SEGMENT);

    JsonNode expected = JSON.readTree(reference.toFile());
    int compared = 0;
    for (JsonNode image : expected.get("images")) {
      Path file = images.resolve(image.get("file").asText());
      ImagePrediction prediction = predictor.predict(file, PredictOptions.DEFAULTS);
      String where = modelName + " on " + file.getFileName();
      assertThat(prediction.height()).as(where).isEqualTo(image.get("shape").get(0).asInt());
      assertThat(prediction.width()).as(where).isEqualTo(image.get("shape").get(1).asInt());
      List<Detection> found = new ArrayList<>(prediction.results());
      JsonNode results = image.get("results");
      assertThat(found).as(where + ": detection count").hasSize(results.size());
      for (JsonNode r : results) {
        JsonNode box = r.get("box");
        double[] want = {
          box.get("x1").asDouble(), box.get("y1").asDouble(), box.get("x2").asDouble(), box.get("y2").asDouble()
        };
        Detection best = null;
        double bestIou = 0;
        for (Detection d : found) {
          if (d.classId() != r.get("class").asInt()) {
            continue;
          }
          double iou = iou(want, d);
          if (iou > bestIou) {
            bestIou = iou;
            best = d;
          }
        }
        String object = where + ": " + r.get("name").asText() + " " + r.get("confidence").asDouble();
        assertThat(best).as(object + " not found").isNotNull();
        assertThat(bestIou).as(object + " IoU").isGreaterThanOrEqualTo(0.97);
        assertThat(best.confidence()).as(object + " confidence").isCloseTo(r.get("confidence").asDouble(),
            org.assertj.core.data.Offset.offset(0.02));
        assertThat(best.name()).isEqualTo(r.get("name").asText());
        found.remove(best);
        compared++;
      }
    }
    assertThat(compared).as("reference detections compared").isGreaterThan(5);
  }

  private static double iou(double[] a, Detection b) {
    double iw = Math.min(a[2], b.x2()) - Math.max(a[0], b.x1());
    double ih = Math.min(a[3], b.y2()) - Math.max(a[1], b.y1());
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    double union = (a[2] - a[0]) * (a[3] - a[1]) + (b.x2() - b.x1()) * (b.y2() - b.y1()) - inter;
    return inter / union;
  }
}
