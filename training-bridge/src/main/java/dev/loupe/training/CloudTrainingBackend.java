package dev.loupe.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.platform.ApiRequest;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.ProjectQuery;
import dev.loupe.core.platform.remote.RemoteModel;
import dev.loupe.core.platform.remote.RemoteProject;
import dev.loupe.core.platform.remote.TrainingRequest;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.NewTrainingRun;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.TrainingRuns;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains on the platform's cloud GPUs. A model is made in the chosen project ({@code POST
 * /api/models}), then {@code POST /api/training/start} trains it on the dataset's remote copy (a
 * {@code ul://} URI from the {@link RemoteDatasetResolver}). The reference lets an API key neither
 * read {@code GET /api/models/{id}/training} nor send {@code DELETE} to it (both need a browser
 * session), so the run is followed through its model, {@code GET /api/models/{id}}, every poll
 * interval: its status and metrics are recorded as the local backend records results.csv. When the
 * platform has trained it, the weights ({@code GET /api/models/{id}/files}) and a platform ONNX export
 * are downloaded and registered as models.
 *
 * <p>A cancelled monitor stops Loupe following the run, which then ends {@code interrupted}: the
 * platform goes on training, and {@link #resume} follows it again. {@link #cancelRemote} asks the
 * platform to stop, which it refuses to an API key; the message says to use its web page.
 *
 * <p>The run's arguments hold what the platform was given: {@code model}, {@code data} (the URI),
 * {@code epochs}, {@code imgsz}, {@code batch}, {@code gpuType}, {@code projectId} and {@code
 * platformModel} (the platform model's id).
 */
public final class CloudTrainingBackend implements TrainingBackend {
  /** The run argument holding the platform model's id. */
  public static final String PLATFORM_MODEL = "platformModel";
  /** How the console lines saying the platform's job status start ({@code platform: training, epoch 3}). */
  public static final String STATUS_LINE = "platform: ";

  private final Workspace workspace;
  private final PlatformClient client;
  private final RemoteDatasetResolver datasets;
  private final CloudTarget target;
  private final Polling polling;
  private final RunModels models;
  private final ExportJobs exports;

  /**
   * @param target where new runs train (unused by resume)
   * @param inspector reads model files (the engines' {@code ModelLoader.inspect})
   */
  public CloudTrainingBackend(Workspace workspace, PlatformClient client, RemoteDatasetResolver datasets,
      CloudTarget target, Polling polling, Function<Path, ModelInfo> inspector) {
    this.workspace = workspace;
    this.client = client;
    this.datasets = datasets;
    this.target = target;
    this.polling = polling;
    this.models = new RunModels(workspace, null, inspector);
    this.exports = new ExportJobs(workspace, client, polling, inspector);
  }

  @Override
  public String name() {
    return "cloud";
  }

  @Override
  public TrainingRun train(TrainRequest request, TrainingListener listener, TaskMonitor monitor) throws IOException {
    Dataset dataset = request.checkedDataset(workspace);
    TrainArgs args = request.args();
    monitor.progress(0, -1, "finding " + dataset.slug() + " on the platform");
    String data = datasets.uri(dataset, request.version(), monitor);
    String projectId = projectId(target.project());
    checkGpu(target.gpuType());
    monitor.checkCancelled();
    String name = args.name() != null ? args.name() : dataset.slug();
    RemoteModel remote = client.models().create(new dev.loupe.core.platform.remote.NewModel(projectId, null, name,
        "Trained by Loupe on " + dataset.slug(), dataset.task().apiName()));
    Map<String, String> recorded = new LinkedHashMap<>();
    recorded.put("model", args.model());
    recorded.put("data", data);
    recorded.put("epochs", Integer.toString(args.epochs()));
    recorded.put("imgsz", Integer.toString(args.imgsz()));
    recorded.put("batch", Integer.toString(args.batch()));
    recorded.put("gpuType", target.gpuType());
    recorded.put("projectId", projectId);
    recorded.put(PLATFORM_MODEL, remote.id());
    TrainingRuns runs = workspace.trainingRuns();
    TrainingRun run = runs.create(new NewTrainingRun(
        dataset.id(), request.version(), name(), dataset.task(), args.name(), recorded, args.epochs()));
    monitor.progress(0, -1, "starting training of " + remote.id() + " on a " + target.gpuType());
    try {
      client.training().start(new TrainingRequest(remote.id(), projectId, target.gpuType(),
          new TrainingRequest.TrainArgs(args.model(), data, args.epochs(), args.imgsz(), args.batch())));
    } catch (RuntimeException e) {
      runs.finish(run.id(), TrainingRun.FAILED, "the platform did not start the training: " + e.getMessage()
          + " (its model " + remote.id() + " was made and stays in the project)", Map.of(), null, null);
      throw e;
    }
    return follow(run, listener, monitor);
  }

  /**
   * Follows a cloud run again (one Loupe stopped following, or that was interrupted): the platform
   * may still be training it, or may have finished, in which case its result is fetched now.
   *
   * @throws ConflictException when the run is followed already, completed, or ended on the platform
   *     (which cannot resume a cloud training through its API)
   */
  @Override
  public TrainingRun resume(String runId, TrainingListener listener, TaskMonitor monitor) throws IOException {
    TrainingRun run = workspace.trainingRuns().require(runId);
    if (!name().equals(run.backend())) {
      throw new IllegalArgumentException("run " + runId + " trained on the " + run.backend() + " backend, not the cloud");
    }
    if (run.active()) {
      throw new ConflictException("run " + runId + " is " + run.status() + ": it is being followed already");
    }
    if (TrainingRun.COMPLETED.equals(run.status())) {
      throw new ConflictException("run " + runId + " completed: there is nothing to resume; start a new run");
    }
    RemoteProgress now = poll(platformModel(run));
    if (now.ended() && !TrainingRun.COMPLETED.equals(now.runStatus())) {
      throw new ConflictException("the platform's training of run " + runId + " ended " + now.status()
          + " and the platform's API has no route to resume a cloud training: start a new run");
    }
    TrainingFolders.of(workspace.root(), runId).clearCancelRequest();
    return follow(run, listener, monitor);
  }

  /**
   * Asks the platform to stop training the run's model ({@code DELETE /api/models/{id}/training})
   * and records the run cancelled.
   *
   * @throws ConflictException with what to do instead when the platform refuses (it needs a
   *     browser session: an API key cannot cancel); the run is left as it is
   */
  public TrainingRun cancelRemote(String runId) {
    TrainingRun run = workspace.trainingRuns().require(runId);
    String model = platformModel(run);
    try {
      client.send(ApiRequest.delete("models", model, "training"));
    } catch (PlatformException.BrowserSessionRequired e) {
      throw new ConflictException("the platform cancels cloud training only from its web page: "
          + e.getMessage() + ". Stop model " + model + " there; 'loupe train resume " + runId
          + "' then records how it ended");
    }
    return workspace.trainingRuns().finish(runId, TrainingRun.CANCELLED, "cancelled on the platform",
        run.metrics(), null, null);
  }

  /** The platform model a cloud run trains. */
  public static String platformModel(TrainingRun run) {
    String model = run.args().get(PLATFORM_MODEL);
    if (model == null) {
      throw new IllegalArgumentException("run " + run.id() + " has no platform model: it is not a cloud run");
    }
    return model;
  }

  private TrainingRun follow(TrainingRun run, TrainingListener listener, TaskMonitor monitor) throws IOException {
    TrainingRuns runs = workspace.trainingRuns();
    TrainingFolders folders = TrainingFolders.of(workspace.root(), run.id());
    Files.createDirectories(folders.root());
    String model = platformModel(run);
    run = runs.started(run.id(), folders.root().toString(), ProcessHandle.current().pid());
    listener.started(run);
    monitor.progress(0, run.epochs(), "training on the platform as model " + model);
    RemoteProgress progress = null;
    int failures = 0;
    String lastLine = null;
    while (true) {
      if (monitor.isCancelled() || folders.cancelRequested()) {
        folders.clearCancelRequest();
        return stopFollowing(run, model, "Loupe stopped following it");
      }
      try {
        progress = poll(model);
        failures = 0;
      } catch (PlatformException.Unreachable | PlatformException.ServerError e) {
        if (++failures >= polling.maxFailures()) {
          return stopFollowing(run, model, "the platform did not answer " + failures + " times (" + e.getMessage() + ")");
        }
      } catch (PlatformException.NotFound e) {
        return runs.finish(run.id(), TrainingRun.FAILED, "the platform has no model " + model + " any more ("
            + e.getMessage() + ")", run.metrics(), null, null);
      } catch (RuntimeException e) {
        stopFollowing(run, model, "following it failed: " + e.getMessage());
        throw e;
      }
      if (progress != null) {
        record(run, progress, listener, monitor);
        String line = STATUS_LINE + progress.status() + (progress.epoch() == null ? "" : ", epoch " + progress.epoch());
        if (!line.equals(lastLine)) {
          listener.consoleLine(line);
          lastLine = line;
        }
        if (progress.ended()) {
          break;
        }
      }
      try {
        polling.pause();
      } catch (CancelledException e) {
        return stopFollowing(run, model, "Loupe stopped following it");
      }
    }
    TrainingRun now = runs.require(run.id());
    Map<String, Double> metrics = progress.columns(run.task()).isEmpty() ? now.metrics() : progress.columns(run.task());
    return switch (progress.runStatus()) {
      case TrainingRun.FAILED -> runs.finish(run.id(), TrainingRun.FAILED, "the platform's training failed"
          + (progress.error() == null ? "" : ": " + progress.error()), metrics, null, null);
      case TrainingRun.CANCELLED -> runs.finish(run.id(), TrainingRun.CANCELLED,
          "cancelled on the platform (" + progress.status() + ")", metrics, null, null);
      default -> completed(now, model, metrics, progress.bestEpoch(), monitor);
    };
  }

  private TrainingRun stopFollowing(TrainingRun run, String model, String why) {
    return workspace.trainingRuns().finish(run.id(), TrainingRun.INTERRUPTED, why + "; the platform goes on"
        + " training model " + model + " (cancelling it there needs its web page: the API does not take a key"
        + " for that); 'loupe train resume " + run.id() + "' follows it again", run.metrics(), null, null);
  }

  private RemoteProgress poll(String model) {
    JsonNode answer = client.send(ApiRequest.get("models", model));
    return RemoteProgress.of(answer);
  }

  /** Records the epoch the platform reached with its metrics (when it says which epoch it is). */
  private void record(TrainingRun run, RemoteProgress progress, TrainingListener listener, TaskMonitor monitor) {
    Map<String, Double> columns = progress.columns(run.task());
    if (progress.epoch() == null || progress.epoch() < 1 || columns.isEmpty()) {
      monitor.progress(0, -1, STATUS_LINE + progress.status());
      return;
    }
    TrainingEpoch epoch = new TrainingEpoch(progress.epoch(), columns);
    List<TrainingEpoch> known = workspace.trainingRuns().epochs(run.id());
    if (known.contains(epoch)) {
      return;
    }
    List<TrainingEpoch> all = new ArrayList<>(known);
    all.removeIf(e -> e.epoch() == epoch.epoch());
    all.add(epoch);
    TrainingEpoch best = HeadlineMetrics.best(all);
    workspace.trainingRuns().recordEpochs(run.id(), List.of(epoch), best == null ? Map.of() : best.values());
    listener.epoch(run, epoch);
    monitor.progress(epoch.epoch(), run.epochs(), LocalTrainingBackend.describe(run, epoch));
  }

  /** Downloads and registers the weights and their ONNX export; what failed is said in the run's message. */
  private TrainingRun completed(
      TrainingRun run, String model, Map<String, Double> metrics, Integer bestEpoch, TaskMonitor monitor) {
    List<String> problems = new ArrayList<>();
    int epoch = bestEpoch != null ? bestEpoch : run.epochsDone() > 0 ? run.epochsDone() : run.epochs();
    TrainingEpoch best = new TrainingEpoch(epoch, metrics);
    Map<String, String> trained = new LinkedHashMap<>(RunModels.metadata(run, best));
    trained.put("loupe_platform_model", model);
    Path weights = TrainingFolders.of(workspace.root(), run.id()).root().resolve("weights").resolve("best.pt");
    ModelRecord pt = null;
    ModelRecord onnx = null;
    try {
      List<String> links = client.models().files(model).links();
      String link = links.stream().filter(l -> l.replaceAll("[?#].*", "").endsWith(".pt")).findFirst()
          .orElse(links.isEmpty() ? null : links.get(0));
      if (link == null) {
        problems.add("the platform listed no files for model " + model + ": no model registered");
      } else {
        monitor.progress(0, -1, "downloading the weights of model " + model);
        client.transfers().download(link, weights);
        pt = models.registerCheckpoint(run, weights, best, trained);
      }
      monitor.progress(0, -1, "asking the platform for an ONNX export of model " + model);
      ExportJobs.ExportRequest request = new ExportJobs.ExportRequest(model, "onnx", null, null, null);
      Path exported = exports.download(exports.await(exports.create(request, monitor).id(), monitor),
          weights.getParent(), monitor);
      onnx = models.registerExport(run, exported, best, trained);
    } catch (CancelledException e) {
      problems.add("fetching the trained model was cancelled: 'loupe platform export " + model
          + " --format onnx' fetches it later");
    } catch (IOException | RuntimeException e) {
      problems.add((pt == null ? "the weights" : "the ONNX export") + " could not be fetched: " + e.getMessage());
    }
    return workspace.trainingRuns().finish(run.id(), TrainingRun.COMPLETED,
        problems.isEmpty() ? null : String.join("; ", problems), metrics, pt == null ? null : pt.id(),
        onnx == null ? null : onnx.id());
  }

  /** The platform project: the one named (id or slug), else the account's only one. */
  private String projectId(String wanted) {
    List<RemoteProject> projects = client.projects().list(ProjectQuery.all()).projects();
    if (wanted != null) {
      return projects.stream().filter(p -> wanted.equals(p.id()) || wanted.equals(p.slug())).findFirst()
          .map(RemoteProject::id)
          .orElseThrow(() -> new IllegalArgumentException("no project '" + wanted + "' on the platform"
              + (projects.isEmpty() ? "" : "; it has " + slugs(projects))));
    }
    if (projects.size() == 1) {
      return projects.get(0).id();
    }
    throw new IllegalArgumentException(projects.isEmpty()
        ? "the platform account has no project to train into: create one on the platform first"
        : "choose the platform project to train into (--project): " + slugs(projects));
  }

  private static String slugs(List<RemoteProject> projects) {
    return String.join(", ", projects.stream().map(p -> p.slug() == null ? p.id() : p.slug()).toList());
  }

  /** Refuses a GPU type the platform does not list; its stock may be unknown (null) and that is fine. */
  private void checkGpu(String gpuType) {
    Map<String, String> stock = client.training().gpuAvailability();
    if (!stock.isEmpty() && !stock.containsKey(gpuType)) {
      throw new IllegalArgumentException("the platform has no GPU type '" + gpuType + "'; it has "
          + String.join(", ", stock.keySet()));
    }
  }
}
