package dev.loupe.core.platform.remote;

/**
 * The body of {@code POST /api/training/start}.
 *
 * @param gpuType rtx-4090, a100-80gb-pcie, h100-sxm, ...
 */
public record TrainingRequest(String modelId, String projectId, String gpuType, TrainArgs trainArgs) {
  /**
   * Ultralytics train arguments; null ones are left out.
   *
   * @param model the starting weights, e.g. yolo26n.pt
   * @param data the dataset, e.g. ul://username/datasets/my-dataset
   */
  public record TrainArgs(String model, String data, Integer epochs, Integer imgsz, Integer batch) {}
}
