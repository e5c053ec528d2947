package dev.loupe.core.sync;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.remote.ModelFiles;
import dev.loupe.core.platform.remote.ModelQuery;
import dev.loupe.core.platform.remote.RemoteModel;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** A project's remote models with their metrics, and a model's files pulled into the workspace's model registry. */
public final class ModelPull {
  private static final Set<String> MODEL_EXTENSIONS = Set.of("onnx", "torchscript", "pt");

  private final Workspace workspace;
  private final PlatformClient client;

  public ModelPull(Workspace workspace, PlatformClient client) {
    this.workspace = workspace;
    this.client = client;
  }

  /** The models of a remote project, with their metrics. */
  public List<RemoteModel> list(String projectId) {
    return client.models().list(ModelQuery.ofProject(projectId)).models();
  }

  /**
   * Downloads a remote model's files (those Loupe keeps: .onnx, .torchscript, .pt) and registers each
   * in the model store under the remote model's name.
   *
   * @param inspector reads a model file's metadata (the app's inference runtime)
   * @return the registered models, one per file
   */
  public List<ModelRecord> pull(String modelId, Function<Path, ModelInfo> inspector, TaskMonitor monitor) {
    RemoteModel model = client.models().get(modelId);
    ModelFiles files = client.models().files(modelId);
    List<String> links = files.links();
    if (links.isEmpty()) {
      throw new SyncException("the server lists no files for model " + modelId);
    }
    List<ModelRecord> out = new ArrayList<>();
    try (Scratch scratch = new Scratch(workspace, "model")) {
      int n = 0;
      for (String link : links) {
        monitor.checkCancelled();
        String fileName = fileName(files, link);
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!MODEL_EXTENSIONS.contains(ext)) {
          continue;
        }
        monitor.progress(n++, links.size(), "downloading " + fileName);
        Path target = scratch.dir().resolve(n + "").resolve(fileName);
        client.transfers().download(link, target);
        String name = model.name() != null ? model.name() : fileName;
        out.add(workspace.models().importFile(target,
            new NewModel(name, null, model.description() == null ? "" : model.description(), null), inspector));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot register model " + modelId + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new SyncException("model " + modelId + " has no .onnx, .torchscript or .pt file Loupe can keep");
    }
    monitor.progress(out.size(), out.size(), "pulled " + out.size() + " model file(s)");
    return out;
  }

  private static String fileName(ModelFiles files, String link) {
    if (files.files() != null) {
      for (ModelFiles.ModelFile f : files.files()) {
        if (link.equals(f.link()) && f.name() != null && f.name().contains(".")) {
          return Path.of(f.name()).getFileName().toString();
        }
      }
    }
    String path = link.replaceFirst("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.contains(".") ? last : last + ".onnx";
  }
}
