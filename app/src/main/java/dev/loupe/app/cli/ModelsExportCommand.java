package dev.loupe.app.cli;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.YoloCli;
import dev.loupe.training.YoloModelExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe models export MODEL --format F [--imgsz N]}: {@code yolo export} of a .pt model; an
 * ONNX or TorchScript result becomes a model naming its source, another format a folder under the
 * workspace's exports/. yolo's lines go to stderr; Ctrl+C stops it.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Export a .pt model with the ultralytics CLI ('yolo export'): onnx and torchscript are"
        + " registered as models, other formats saved under the workspace's exports/.")
public final class ModelsExportCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Slug or id of a .pt model.")
  String model;

  @Option(names = "--format", required = true, paramLabel = "F",
      description = "onnx, torchscript, openvino, engine, coreml, tflite, ... (what 'yolo export' takes).")
  String format;

  @Option(names = "--imgsz", paramLabel = "N", description = "Image size (default: the model's, else 640).")
  Integer imgsz;

  @Option(names = "--yolo", paramLabel = "PATH",
      description = "The ultralytics CLI program (default: $LOUPE_YOLO, else 'yolo' on PATH).")
  Path yolo;

  public ModelsExportCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    YoloCli cli = TrainOutput.yolo(context, yolo); // no yolo: fail before anything is copied
    YoloModelExport.Result result;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      ModelRecord source = ws.models().require(model);
      result = new YoloModelExport(ws, cli, runtime::inspect).export(source, format, imgsz, line -> {
        progress.endLine();
        context.err().println(line);
        context.err().flush();
      }, progress);
      progress.endLine();
      if (result.exitCode() != 0) {
        List<String> c = result.console();
        throw new IllegalStateException("yolo export failed (exit " + result.exitCode() + "): "
            + String.join(" | ", c.subList(Math.max(0, c.size() - 3), c.size())));
      }
      if (result.model() != null) {
        if (context.json()) {
          ProjectsOutput.model(context, ws, result.model());
        } else {
          context.out().println("exported " + source.slug() + " to " + result.model().format() + ": model "
              + result.model().slug() + " (" + result.model().id() + ")");
        }
      } else if (context.json()) {
        context.printJson(dev.loupe.core.api.ApiJson.MAPPER.createObjectNode()
            .put("source", source.id()).put("format", format).put("path", result.path().toString()));
      } else {
        context.out().println("exported " + source.slug() + " to " + format + ": " + result.path());
      }
      context.out().flush();
    }
    return 0;
  }
}
