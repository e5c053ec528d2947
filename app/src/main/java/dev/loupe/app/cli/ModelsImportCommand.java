package dev.loupe.app.cli;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe models import FILE}: an ONNX, TorchScript or .pt model file into the workspace. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Import a model file (.onnx, .torchscript; a .pt is recorded but cannot run).")
public final class ModelsImportCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Parameters(index = "0", paramLabel = "FILE", description = "The model file.")
  Path file;

  @Option(names = "--name", description = "Display name (default: the file name).")
  String name;

  @Option(names = "--project", paramLabel = "PROJECT", description = "Put it in this project (slug or id).")
  String project;

  @Option(names = "--description", description = "Free text.")
  String description;

  public ModelsImportCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    try (Workspace ws = context.openWorkspace()) {
      ModelRecord m =
          ws.models().importFile(file, new NewModel(name, null, description, project), runtime::inspect);
      if (context.json()) {
        ProjectsOutput.model(context, ws, m);
      } else {
        context.out().println("imported " + m.slug() + " (" + m.id() + "): "
            + (m.task() == null ? "task unknown" : m.task().apiName()) + ", " + m.classNames().size() + " classes"
            + (m.imgszH() > 0 ? ", " + m.imgszH() + "x" + m.imgszW() : ""));
        if (!m.runnable()) {
          context.out().println("note: a .pt checkpoint is kept but cannot run; export it with '"
              + m.exportCommand() + "' and import the .onnx");
        }
        context.out().flush();
      }
      return 0;
    }
  }
}
