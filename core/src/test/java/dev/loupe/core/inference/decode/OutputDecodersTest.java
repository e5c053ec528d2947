package dev.loupe.core.inference.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutputDecodersTest {
  /** One end-to-end row of the task's width (classify: three probabilities), scored 0.9, class 1. */
  static List<Tensor> oneRow(Task task) {
    int extra =
        switch (task) {
          case SEGMENT -> 2;
          case POSE -> 17 * 3; // no kpt_shape in the metadata: Ultralytics' default 17 x 3
          case OBB -> 1;
          default -> 0;
        };
    if (task == Task.CLASSIFY) {
      return List.of(new Tensor(new float[] {0.1f, 0.9f, 0f}, new long[] {1, 3}));
    }
    float[] row = new float[6 + extra];
    row[0] = 10;
    row[1] = 90;
    row[2] = 30;
    row[3] = 110;
    row[4] = 0.9f;
    row[5] = 1;
    Tensor rows = new Tensor(row, new long[] {1, 1, 6 + extra});
    if (task == Task.SEGMENT) {
      return List.of(rows, new Tensor(new float[2 * 160 * 160], new long[] {1, 2, 160, 160}));
    }
    return List.of(rows);
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB", "CLASSIFY"})
  void everyTaskDecodesItsEndToEndOutput(Task task) {
    ModelInfo model = new ModelInfo("onnx", task, TestModels.NAMES, 640, 640, 32, true, null, 3, Map.of());

    ImagePrediction prediction =
        OutputDecoders.forModel(model).decode(oneRow(task), TestModels.context(model, PredictOptions.DEFAULTS));

    if (task == Task.CLASSIFY) {
      assertThat(prediction.top5().get(0).name()).isEqualTo("dog");
      assertThat(prediction.results()).isEmpty();
    } else {
      assertThat(prediction.results()).hasSize(1);
      assertThat(prediction.results().get(0).name()).isEqualTo("dog");
      assertThat(prediction.results().get(0).keypoints() != null).isEqualTo(task == Task.POSE);
      assertThat(prediction.results().get(0).obb() != null).isEqualTo(task == Task.OBB);
      if (task == Task.POSE) {
        assertThat(prediction.results().get(0).keypoints()).hasSize(51);
      }
    }
  }

  @Test
  void semanticModelsAreRefusedWithAClearMessage() {
    ModelInfo model = new ModelInfo("onnx", Task.SEMANTIC, TestModels.NAMES, 640, 640, 32, false, null, 3, Map.of());

    assertThatThrownBy(() -> OutputDecoders.forModel(model))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("semantic");
  }
}
