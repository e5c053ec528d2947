package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.ExportJobs;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code loupe platform export MODEL_ID --format F [--gpu-type G] [--imgsz N] [--half] [--name N]}:
 * has the platform export one of its models, waits for it (progress on stderr; Ctrl+C cancels the
 * export there), downloads the file and registers ONNX and TorchScript files as workspace models
 * ({@code --json}: {@code {"export": {...}, "file": PATH, "model": {...} or null}}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a platform model to another format and download it into the model registry.")
public final class PlatformExportCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_ID", description = "The platform model's id (see 'loupe platform models').")
  String modelId;

  @Option(names = "--format", required = true, paramLabel = "F",
      description = "onnx, torchscript, openvino, engine (TensorRT), coreml, tflite, saved_model, pb, paddle, ncnn,"
          + " edgetpu, tfjs, mnn, rknn, qnn, imx, axelera, executorch, deepx.")
  String format;

  @Option(names = "--gpu-type", paramLabel = "G", description = "The GPU a TensorRT (engine) export is built on.")
  String gpuType;

  @Option(names = "--imgsz", paramLabel = "N", description = "Input size (default: the model's).")
  Integer imgsz;

  @Option(names = "--half", description = "FP16 weights.")
  Boolean half;

  @Option(names = "--name", paramLabel = "NAME", description = "The registered model's name (default: the file's).")
  String name;

  @Option(names = "--poll-interval", paramLabel = "S", description = "Seconds between two looks at the export (default 10).")
  Integer pollSeconds;

  public PlatformExportCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    ExportJobs.ExportRequest request;
    try {
      request = new ExportJobs.ExportRequest(modelId, format, gpuType, imgsz, half);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ExportJobs.Exported done;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace();
        PlatformClient client = PlatformAccess.client(context)) {
      done = new ExportJobs(ws, client, TrainCloud.polling(pollSeconds), runtime::inspect).run(request, name, progress);
      progress.endLine();
      if (context.json()) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        ObjectNode export = n.putObject("export");
        export.put("id", done.export().id());
        export.put("modelId", modelId);
        export.put("format", request.format());
        export.put("status", done.export().status());
        n.put("file", done.file().toString());
        n.set("model", done.model() == null ? null : ModelJson.model(done.model(), null));
        context.printJson(n);
        return 0;
      }
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
    context.out().println(done.model() != null
        ? "model " + done.model().id() + " (" + done.model().name() + ", " + request.format() + ") registered from export "
            + done.export().id()
        : request.format() + " export " + done.export().id() + " saved as " + done.file()
            + " (the model registry keeps ONNX and TorchScript files)");
    context.out().flush();
    return 0;
  }
}
