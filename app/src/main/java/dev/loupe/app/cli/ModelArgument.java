package dev.loupe.app.cli;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.inference.ModelLoadException;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A command's {@code --model}: a model of the workspace by slug or id, or a model file, as {@code yolo
 * val model=best.onnx} takes one. A file becomes the workspace's model of the same content, imported
 * on first use, so runs and their reverts keep referring to a model that stays. A file Loupe cannot
 * run (a .pt checkpoint, another kind of file) is refused before anything is imported. Two commands
 * given the same new file at the same moment may each import it (two models of one content).
 */
final class ModelArgument {
  private ModelArgument() {}

  /**
   * The slug or id to hand the workspace: {@code model} itself unless it names a model file. Call it
   * once the command's other arguments are checked (a failing command should import nothing).
   */
  static String resolve(CliContext context, Workspace ws, ModelRuntime runtime, String model) throws IOException {
    if (ws.models().find(model).isPresent()) {
      return model;
    }
    Path file;
    try {
      file = Path.of(model);
    } catch (InvalidPathException e) {
      return model;
    }
    if (!Files.exists(file)) {
      return model; // the workspace then says it has no such model
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(model + " is not a model file (a model's slug or id, or an .onnx or"
          + " .torchscript file)");
    }
    if (ModelLoader.format(file) == ModelLoader.Format.CHECKPOINT) {
      ModelLoader.load(file, EngineOptions.DEFAULTS); // refuses it with the export command, importing nothing
    }
    ModelRecord m = ws.models().registered(file, runtime::inspect);
    context.err().println("model " + file.getFileName() + " is " + m.slug() + " (" + m.id() + ") in this workspace");
    context.err().flush();
    return m.id();
  }
}
