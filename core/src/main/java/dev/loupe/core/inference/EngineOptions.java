package dev.loupe.core.inference;

import java.util.Locale;

/**
 * How a model runs.
 *
 * @param threads threads one inference may use (ONNX Runtime's intra-op threads, libtorch's
 *     intra-op threads); 0 lets the engine choose (one per core)
 * @param device {@code auto} (a GPU when the engine finds one, else the CPU), {@code cpu}, or
 *     {@code gpu:N} (also accepted as {@code gpu}, {@code cuda}, {@code cuda:N} or {@code N})
 */
public record EngineOptions(int threads, String device) {
  public static final EngineOptions DEFAULTS = new EngineOptions(0, "auto");

  public EngineOptions {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (automatic) or more, got " + threads);
    }
    device = normalise(device);
  }

  public EngineOptions withThreads(int value) {
    return new EngineOptions(value, device);
  }

  public boolean cpuOnly() {
    return device.equals("cpu");
  }

  /** The GPU index asked for, or -1 for {@code auto} and {@code cpu}. */
  public int gpuIndex() {
    return device.startsWith("gpu:") ? Integer.parseInt(device.substring(4)) : -1;
  }

  private static String normalise(String device) {
    String d = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
    if (d.isEmpty() || d.equals("auto")) {
      return "auto";
    }
    if (d.equals("cpu")) {
      return "cpu";
    }
    if (d.equals("gpu") || d.equals("cuda")) {
      return "gpu:0";
    }
    String index = d.startsWith("gpu:") ? d.substring(4) : d.startsWith("cuda:") ? d.substring(5) : d;
    if (index.matches("\\d{1,3}")) {
      return "gpu:" + Integer.parseInt(index);
    }
    throw new IllegalArgumentException(
        "unknown device '" + device + "' (valid: auto, cpu, gpu, gpu:N, cuda:N, N)");
  }
}
