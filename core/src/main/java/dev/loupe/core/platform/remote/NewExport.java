package dev.loupe.core.platform.remote;

import java.util.Map;

/**
 * The body of {@code POST /api/exports}.
 *
 * @param format onnx, torchscript, openvino, engine, coreml, tflite, ...
 * @param gpuType required when format is engine (TensorRT)
 * @param args export arguments (imgsz, half, dynamic, ...): Ultralytics' own open-ended set
 */
public record NewExport(String modelId, String format, String gpuType, Map<String, Object> args) {
  public NewExport {
    if (modelId == null || format == null) {
      throw new IllegalArgumentException("an export needs a model id and a format");
    }
    if ("engine".equals(format) && gpuType == null) {
      throw new IllegalArgumentException("a TensorRT (engine) export needs a gpuType");
    }
  }

  public static NewExport of(String modelId, String format) {
    return new NewExport(modelId, format, null, null);
  }
}
