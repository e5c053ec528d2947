package dev.loupe.core.inference;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import java.util.List;
import java.util.Map;

/**
 * What a model file says about itself (Ultralytics {@code metadata_props}).
 *
 * @param format {@code onnx}, {@code torchscript} or {@code pt} (recorded, cannot run)
 * @param imgszH input height the model was exported with
 * @param endToEnd NMS-free output (end2end or args.nms)
 * @param kptShape keypoint shape of pose models, null otherwise
 * @param metadata every metadata entry as written in the file
 */
public record ModelInfo(
    String format,
    Task task,
    List<String> names,
    int imgszH,
    int imgszW,
    int stride,
    boolean endToEnd,
    KptShape kptShape,
    int channels,
    Map<String, String> metadata) {
  public ModelInfo {
    names = List.copyOf(names);
    metadata = Map.copyOf(metadata);
  }
}
