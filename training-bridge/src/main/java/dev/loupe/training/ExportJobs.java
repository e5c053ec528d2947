package dev.loupe.training;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.NewExport;
import dev.loupe.core.platform.remote.RemoteExport;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Model exports on the platform: create one ({@code POST /api/exports}), poll it ({@code GET
 * /api/exports/{id}}) until it is done, download the file and put it in the workspace's model
 * registry. The registry keeps ONNX and TorchScript files (Loupe runs them); other formats are
 * downloaded to {@code exports/} in the workspace, and the result says where. A cancelled monitor
 * cancels the export on the platform ({@code DELETE /api/exports/{id}}) or stops the download.
 */
public final class ExportJobs {
  /** The export formats of the reference, by their API value. */
  public static final List<String> FORMATS = List.of("onnx", "torchscript", "openvino", "engine", "coreml", "tflite",
      "saved_model", "pb", "paddle", "ncnn", "edgetpu", "tfjs", "mnn", "rknn", "qnn", "imx", "axelera", "executorch",
      "deepx");
  private static final Map<String, String> REGISTERED = Map.of("onnx", ".onnx", "torchscript", ".torchscript");

  /**
   * An export to make.
   *
   * @param platformModelId the platform model to export
   * @param format a value of {@link #FORMATS}
   * @param gpuType the GPU to build on, needed for {@code engine} (TensorRT)
   * @param imgsz the input size, or null for the model's
   * @param half FP16 weights, or null for the platform's default
   */
  public record ExportRequest(String platformModelId, String format, String gpuType, Integer imgsz, Boolean half) {
    public ExportRequest {
      if (platformModelId == null || platformModelId.isBlank()) {
        throw new IllegalArgumentException("an export needs the platform model's id");
      }
      format = format == null ? null : format.strip().toLowerCase(Locale.ROOT);
      if (!FORMATS.contains(format)) {
        throw new IllegalArgumentException("unknown export format '" + format + "'; the platform exports "
            + String.join(", ", FORMATS));
      }
      gpuType = gpuType == null || gpuType.isBlank() ? null : gpuType.strip();
      if (format.equals("engine") && gpuType == null) {
        throw new IllegalArgumentException("a TensorRT (engine) export is built on a GPU: give its type"
            + " (--gpu-type, e.g. rtx-4090)");
      }
      if (imgsz != null && imgsz < 32) {
        throw new IllegalArgumentException("imgsz must be 32 or more, got " + imgsz);
      }
    }

    NewExport body() {
      Map<String, Object> args = new LinkedHashMap<>();
      if (imgsz != null) {
        args.put("imgsz", imgsz);
      }
      if (half != null) {
        args.put("half", half);
      }
      return new NewExport(platformModelId, format, gpuType, args.isEmpty() ? null : args);
    }
  }

  /**
   * An export done.
   *
   * @param file the downloaded file: in the registry's store when {@code model} is set, else in the
   *     workspace's {@code exports/} folder
   * @param model the registered model, or null for a format the registry does not keep
   */
  public record Exported(RemoteExport export, Path file, ModelRecord model) {}

  private final Workspace workspace;
  private final PlatformClient client;
  private final Polling polling;
  private final Function<Path, ModelInfo> inspector;

  /** @param inspector reads model files (the engines' {@code ModelLoader.inspect}) */
  public ExportJobs(Workspace workspace, PlatformClient client, Polling polling, Function<Path, ModelInfo> inspector) {
    this.workspace = workspace;
    this.client = client;
    this.polling = polling;
    this.inspector = inspector;
  }

  /** Whether the registry keeps files of {@code format} (ONNX and TorchScript). */
  public static boolean registrable(String format) {
    return REGISTERED.containsKey(format);
  }

  /**
   * Exports, waits, downloads and registers: the whole job.
   *
   * @param name the registered model's name (null: the downloaded file's)
   * @throws PlatformException when the platform refused or the export failed there
   * @throws CancelledException when the monitor was cancelled (the export is cancelled on the platform)
   */
  public Exported run(ExportRequest request, String name, TaskMonitor monitor) throws IOException {
    RemoteExport done = await(create(request, monitor).id(), monitor);
    Path folder = workspace.root().resolve("exports").resolve(safe(request.platformModelId()));
    Path file = download(done, folder, monitor);
    if (!registrable(request.format())) {
      return new Exported(done, file, null);
    }
    Map<String, String> from = Map.of("loupe_platform_model", request.platformModelId(),
        "loupe_platform_export", done.id());
    ModelRecord model = workspace.models().importFile(file, new NewModel(name, null,
        "Exported to " + request.format() + " by the platform from its model " + request.platformModelId(), null),
        f -> withMetadata(inspector.apply(f), from));
    Files.deleteIfExists(file);
    return new Exported(done, workspace.models().file(model), model);
  }

  /** {@code POST /api/exports}. */
  public RemoteExport create(ExportRequest request, TaskMonitor monitor) {
    monitor.checkCancelled();
    monitor.progress(0, -1, "asking the platform for a " + request.format() + " export of " + request.platformModelId());
    RemoteExport created = client.exports().create(request.body());
    if (created.id() == null) {
      throw new IllegalStateException("the platform accepted the export but sent no export id");
    }
    return created;
  }

  /**
   * Polls the export until it is done.
   *
   * @throws PlatformException.NotFound and the like when polling fails {@link Polling#maxFailures} times in a row
   * @throws IllegalStateException when the export failed or was cancelled on the platform
   * @throws CancelledException when the monitor was cancelled; the export is cancelled on the platform
   */
  public RemoteExport await(String exportId, TaskMonitor monitor) {
    int failures = 0;
    while (true) {
      if (monitor.isCancelled()) {
        cancelQuietly(exportId);
        throw new CancelledException();
      }
      RemoteExport export;
      try {
        export = client.exports().get(exportId);
        failures = 0;
      } catch (PlatformException.Unreachable | PlatformException.ServerError e) {
        if (++failures >= polling.maxFailures()) {
          throw e;
        }
        polling.pause();
        continue;
      }
      monitor.progress(0, -1, "export " + exportId + ": " + export.status());
      if (export.isDone()) {
        return export;
      }
      if (export.isFailed()) {
        throw new IllegalStateException("the platform's export " + exportId + " " + export.status()
            + (export.error() == null ? "" : ": " + export.error()));
      }
      try {
        polling.pause();
      } catch (CancelledException e) {
        cancelQuietly(exportId);
        throw e;
      }
    }
  }

  /**
   * Downloads a finished export into {@code folder} (its file name from the signed URL), reporting
   * the bytes so far; a cancelled monitor stops it and leaves nothing behind.
   */
  public Path download(RemoteExport export, Path folder, TaskMonitor monitor) throws IOException {
    if (export.downloadUrl() == null) {
      throw new IllegalStateException("the platform's export " + export.id() + " is " + export.status()
          + " but has no download URL");
    }
    Files.createDirectories(folder);
    Path target = folder.resolve(fileName(export));
    try (DownloadWatch watch = DownloadWatch.start(client, folder, target.getFileName().toString(), monitor)) {
      client.transfers().download(export.downloadUrl(), target);
      watch.checkNotCancelled();
    } catch (PlatformException | CancelledException e) {
      Files.deleteIfExists(target);
      if (monitor.isCancelled()) {
        throw new CancelledException();
      }
      throw e;
    }
    monitor.progress(1, 1, "downloaded " + target.getFileName() + " (" + Files.size(target) + " bytes)");
    return target;
  }

  private void cancelQuietly(String exportId) {
    try {
      client.exports().cancel(exportId);
    } catch (PlatformException e) {
      // the cancel is a courtesy to the platform; the export stops being followed either way
    }
  }

  /** The file's name in the signed URL's path, else {@code EXPORT.FORMAT}. */
  static String fileName(RemoteExport export) {
    String path = export.downloadUrl().replaceAll("[?#].*", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (last.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,199}") && last.contains(".")) {
      return last;
    }
    String format = export.format() == null ? "export" : export.format();
    return safe(export.id()) + REGISTERED.getOrDefault(format, "." + safe(format));
  }

  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static ModelInfo withMetadata(ModelInfo info, Map<String, String> extra) {
    Map<String, String> metadata = new LinkedHashMap<>(info.metadata());
    metadata.putAll(extra);
    return new ModelInfo(info.format(), info.task(), info.names(), info.imgszH(), info.imgszW(), info.stride(),
        info.endToEnd(), info.kptShape(), info.channels(), metadata);
  }
}
