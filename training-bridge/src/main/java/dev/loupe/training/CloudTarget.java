package dev.loupe.training;

/**
 * Where a cloud training runs on the platform.
 *
 * @param project the platform project (id or slug) the trained model goes into; null: the account's
 *     only project
 * @param gpuType the GPU type id ({@code rtx-4090}, {@code a100-80gb-pcie}, {@code h100-sxm}, ...)
 */
public record CloudTarget(String project, String gpuType) {
  /** The GPU of the reference's example, a default that is usually in stock. */
  public static final String DEFAULT_GPU = "rtx-4090";

  public CloudTarget {
    project = project == null || project.isBlank() ? null : project.strip();
    gpuType = gpuType == null || gpuType.isBlank() ? DEFAULT_GPU : gpuType.strip();
    if (!gpuType.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException(
          "a GPU type is an id such as rtx-4090 or h100-sxm (see 'loupe platform gpus'), not '" + gpuType + "'");
    }
  }
}
