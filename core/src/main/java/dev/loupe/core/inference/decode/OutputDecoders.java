package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;

/**
 * The decoder of a model's outputs by task. Each decoder reads the classic and the end-to-end
 * layout (the shape tells them apart; the model's end-to-end flag decides where both would fit)
 * and is stateless, so one may serve several threads.
 */
public final class OutputDecoders {
  private OutputDecoders() {}

  /** The decoder for prediction: best class per row, as Ultralytics' predict. */
  public static OutputDecoder forModel(ModelInfo model) {
    return create(model, false);
  }

  /**
   * The decoder for validation: every class above the confidence threshold makes a row
   * (multi-label NMS, as Ultralytics' val); end-to-end outputs are decoded as for prediction.
   */
  public static OutputDecoder forValidation(ModelInfo model) {
    return create(model, true);
  }

  private static OutputDecoder create(ModelInfo model, boolean multiLabel) {
    return switch (model.task()) {
      case DETECT -> new DetectDecoder(model, multiLabel);
      case SEGMENT -> new SegmentDecoder(model, multiLabel);
      case POSE -> new PoseDecoder(model, multiLabel);
      case OBB -> new ObbDecoder(model, multiLabel);
      case CLASSIFY -> new ClassifyDecoder(model);
      case SEMANTIC -> throw new IllegalArgumentException(
          "semantic segmentation models cannot be decoded yet (task " + model.task().apiName() + ")");
    };
  }
}
