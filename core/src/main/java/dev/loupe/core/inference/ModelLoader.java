package dev.loupe.core.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.onnxruntime.engine.OrtNDManager;
import ai.djl.onnxruntime.engine.OrtSymbolBlock;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Opens Ultralytics model exports: ONNX through DJL's ONNX Runtime engine, TorchScript through
 * DJL's PyTorch engine (the CPU libtorch that ships beside Loupe, loaded from the classpath). DJL
 * runs offline: nothing is downloaded, and the ONNX engine gets no "alternative" engine, so all
 * array work stays in Loupe's own code. A PyTorch checkpoint ({@code .pt}) is refused with the
 * command that exports it.
 */
public final class ModelLoader {
  static {
    // before any DJL class reads them
    setIfAbsent("ai.djl.offline", "true");
    setIfAbsent("ai.djl.onnx.disable_alternative", "true");
  }

  private ModelLoader() {}

  /** The file formats a model file can have. */
  public enum Format {
    ONNX("onnx"),
    TORCHSCRIPT("torchscript"),
    CHECKPOINT("pt");

    private final String id;

    Format(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * Loads a model ready to predict; close the predictor to free the engine's memory.
   *
   * @throws ModelLoadException with a one-line reason when the file cannot run
   */
  public static YoloPredictor load(Path file, EngineOptions options) throws IOException {
    return switch (format(file)) {
      case ONNX -> loadOnnx(file, options);
      case TORCHSCRIPT -> loadTorchScript(file, options);
      case CHECKPOINT -> throw checkpointRefused(file);
    };
  }

  /** What a model file says about itself, without keeping it loaded. */
  public static ModelInfo inspect(Path file) throws IOException {
    return switch (format(file)) {
      case ONNX -> inspectOnnx(file);
      case TORCHSCRIPT -> ModelMetadata.toInfo(
          Format.TORCHSCRIPT.id(), TorchScriptArchive.metadata(file), name(file));
      case CHECKPOINT -> throw checkpointRefused(file);
    };
  }

  /**
   * The format by the file's content and name: a zip with TorchScript code is TorchScript (whatever
   * its extension), another {@code .pt}/{@code .pth} zip a checkpoint, {@code .onnx} ONNX.
   */
  public static Format format(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new ModelLoadException(file + " is a folder, not a model file (an .onnx or .torchscript export)");
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException("model file not found: " + file);
    }
    String lower = name(file).toLowerCase(Locale.ROOT);
    if (TorchScriptArchive.isZip(file)) {
      if (TorchScriptArchive.hasCode(file)) {
        return Format.TORCHSCRIPT;
      }
      if (lower.endsWith(".pt") || lower.endsWith(".pth")) {
        return Format.CHECKPOINT;
      }
      throw new ModelLoadException(name(file) + " is a zip archive, not a model Loupe can run");
    }
    if (lower.endsWith(".onnx")) {
      return Format.ONNX;
    }
    if (lower.endsWith(".pt") || lower.endsWith(".pth")) {
      return Format.CHECKPOINT;
    }
    if (lower.endsWith(".torchscript")) {
      throw new ModelLoadException(
          name(file) + " is not a TorchScript archive (the zip torch.jit.save writes): damaged or not an export");
    }
    throw new ModelLoadException(
        "unknown model format: " + name(file) + " (Loupe runs .onnx and .torchscript exports)");
  }

  private static YoloPredictor loadOnnx(Path file, EngineOptions options) throws IOException {
    OnnxModelFile onnx = OnnxModelFile.read(file);
    ModelInfo info = ModelMetadata.toInfo(Format.ONNX.id(), onnx.metadata(), name(file));
    long[] inputShape = onnx.imageInput().shape();
    if (inputShape.length != 4) {
      throw new ModelLoadException(
          name(file) + " takes an input of " + inputShape.length
              + " dimensions; Loupe runs image models with (1, 3, H, W) inputs");
    }
    Device device = onnxDevice(options);
    Model model = Model.newInstance(name(file), device, "OnnxRuntime");
    OrtSession session = null;
    try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
      if (options.threads() > 0) {
        sessionOptions.setIntraOpNumThreads(options.threads());
        sessionOptions.setInterOpNumThreads(1);
      }
      sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (device.isGpu()) {
        sessionOptions.addCUDA(device.getDeviceId());
      }
      // the session DJL's model.load would make, made here so that Loupe can run it with its own
      // output buffers (ADR 0009); DJL's model owns it from here on and closes it
      session = OrtEnvironment.getEnvironment().createSession(file.toString(), sessionOptions);
      model.setBlock(new OrtSymbolBlock(session, (OrtNDManager) model.getNDManager()));
      String description =
          "ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion() + " on " + describe(device);
      return new YoloPredictor(
          info, new OnnxSession(model, session, onnx.imageInput().name(), inputShape, description));
    } catch (OrtException | RuntimeException e) {
      if (session != null && model.getBlock() == null) {
        closeQuietly(session);
      }
      model.close();
      throw new ModelLoadException("cannot load " + name(file) + ": " + rootMessage(e), e);
    } catch (ModelLoadException e) {
      model.close();
      throw e;
    }
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException | RuntimeException e) {
      // the load failed already; that error is the one to report
    }
  }

  private static YoloPredictor loadTorchScript(Path file, EngineOptions options) throws IOException {
    ModelInfo info =
        ModelMetadata.toInfo(Format.TORCHSCRIPT.id(), TorchScriptArchive.metadata(file), name(file));
    if (options.threads() > 0) {
      // libtorch's thread pools are per process: the first model loaded sets them
      setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(options.threads()));
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }
    Device device;
    Model model;
    try {
      Engine engine = Engine.getEngine("PyTorch");
      device =
          !options.cpuOnly() && engine.getGpuCount() > Math.max(0, options.gpuIndex())
              ? Device.gpu(Math.max(0, options.gpuIndex()))
              : Device.cpu();
      requireCpuAllowed(options, device, "PyTorch (libtorch CPU)");
      model = Model.newInstance(name(file), device, "PyTorch");
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new ModelLoadException(
          "cannot start the PyTorch engine for " + name(file) + ": " + rootMessage(e), e);
    }
    try {
      model.load(file, null, Map.of("mapLocation", "true"));
      long[] shape = {1, info.channels(), -1, -1};
      String description = "PyTorch " + model.getNDManager().getEngine().getVersion() + " on " + describe(device);
      return new YoloPredictor(info, new DjlSession(model, shape, description));
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new ModelLoadException("cannot load " + name(file) + ": " + rootMessage(e), e);
    } catch (IOException e) {
      model.close();
      throw e;
    }
  }

  private static ModelInfo inspectOnnx(Path file) throws IOException {
    OnnxModelFile onnx = OnnxModelFile.read(file);
    ModelInfo info = ModelMetadata.toInfo(Format.ONNX.id(), onnx.metadata(), name(file));
    long[] shape = onnx.imageInput().shape();
    if (shape.length != 4 || shape[2] <= 0 || shape[3] <= 0) {
      return info; // dynamic input: the exported imgsz stands
    }
    // a model whose input size is fixed in the graph reports that size (it wins over imgsz)
    return new ModelInfo(
        info.format(), info.task(), info.names(), (int) shape[2], (int) shape[3], info.stride(),
        info.endToEnd(), info.kptShape(), info.channels(), info.metadata());
  }

  private static Device onnxDevice(EngineOptions options) throws ModelLoadException {
    if (options.cpuOnly()) {
      return Device.cpu();
    }
    boolean cuda;
    try {
      cuda = OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new ModelLoadException("cannot start ONNX Runtime: " + rootMessage(e), e);
    }
    if (cuda) {
      return Device.gpu(Math.max(0, options.gpuIndex()));
    }
    requireCpuAllowed(options, Device.cpu(), "ONNX Runtime (CPU build)");
    return Device.cpu();
  }

  /** {@code --device gpu} with no GPU is an error, not a silent fall back to the CPU. */
  private static void requireCpuAllowed(EngineOptions options, Device device, String engine)
      throws ModelLoadException {
    if (options.gpuIndex() >= 0 && !device.isGpu()) {
      throw new ModelLoadException(
          "device " + options.device() + " asked for, but " + engine
              + " finds no GPU; use --device cpu or auto");
    }
  }

  private static ModelLoadException checkpointRefused(Path file) {
    String name = name(file);
    return new ModelLoadException(
        name + " is a PyTorch checkpoint, which Loupe cannot run; export it first: yolo export model="
            + name + " format=onnx");
  }

  private static String describe(Device device) {
    return device.isGpu() ? "GPU " + device.getDeviceId() : "CPU";
  }

  static String name(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
