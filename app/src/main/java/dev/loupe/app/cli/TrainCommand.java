package dev.loupe.app.cli;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.CloudTarget;
import dev.loupe.training.LocalTrainingBackend;
import dev.loupe.training.TrainArgs;
import dev.loupe.training.TrainRequest;
import dev.loupe.training.YoloCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe train DATASET --local [--model M] [--epochs E] [--imgsz N] [--batch B] [--device D]
 * [--name RUN] [--dataset-version V] [--yolo PATH]}: trains with the ultralytics CLI on this machine,
 * a line on stderr per epoch, the run (and the model it made) at the end. Ctrl+C cancels, killing the
 * training's processes. {@code --cloud [--project P] [--gpu-type G] [--poll-interval S]} trains on
 * the platform's GPUs instead ({@link dev.loupe.training.CloudTrainingBackend}): the dataset's copy
 * there is trained and followed; Ctrl+C stops following it (the platform goes on; {@code train
 * resume} follows it again).
 */
@Command(name = "train", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "[list|status|cancel|resume]",
    description = "Train a YOLO model on a dataset with the ultralytics CLI ('yolo'); 'train list' shows the runs.")
public final class TrainCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--local", description = "Train on this machine with the ultralytics CLI.")
  boolean local;

  @Option(names = "--cloud", description = "Train on the platform's cloud GPUs (a dataset with no copy there, or changed since, is pushed first).")
  boolean cloud;

  @Option(names = "--gpu-type", paramLabel = "G",
      description = "Cloud GPU type, e.g. rtx-4090, a100-80gb-pcie, h100-sxm (default rtx-4090; see 'loupe platform gpus').")
  String gpuType;

  @Option(names = "--project", paramLabel = "P",
      description = "The platform project (id or slug) the cloud-trained model goes into (default: the only one).")
  String project;

  @Option(names = "--poll-interval", paramLabel = "S", description = "Seconds between two looks at a cloud run (default 10).")
  Integer pollSeconds;

  @Option(names = "--dataset-version", paramLabel = "N", description = "Train on this version of the dataset.")
  Integer version;

  @Option(names = "--model", paramLabel = "M", description = "Base model (default: the task's yolo11n checkpoint).")
  String model;

  @Option(names = "--epochs", defaultValue = "100", description = "Epochs (default 100).")
  int epochs;

  @Option(names = "--imgsz", defaultValue = "640", description = "Image size in pixels (default 640).")
  int imgsz;

  @Option(names = "--batch", defaultValue = "16", description = "Batch size, -1 for automatic (default 16).")
  int batch;

  @Option(names = "--device", paramLabel = "D", description = "cpu, 0, 0,1, mps (default: Ultralytics chooses).")
  String device;

  @Option(names = "--name", paramLabel = "RUN", description = "The run's name (default: the dataset's slug and an id).")
  String name;

  @Option(names = "--yolo", paramLabel = "PATH",
      description = "The ultralytics CLI program (default: $LOUPE_YOLO, else 'yolo' on PATH).")
  Path yolo;

  public TrainCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    if (dataset == null) {
      throw new ParameterException(spec.commandLine(), "give a DATASET to train on (or a command: list, status, ...)");
    }
    if (local == cloud) {
      throw new ParameterException(spec.commandLine(), "choose where to train: --local or --cloud");
    }
    if (!cloud && (gpuType != null || project != null)) {
      throw new ParameterException(spec.commandLine(), "--gpu-type and --project are for --cloud training");
    }
    if (cloud) {
      return cloud();
    }
    YoloCli cli = TrainOutput.yolo(context, yolo); // no yolo: fail before anything is made
    TrainingRun run;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      Dataset target = ws.datasets().require(dataset);
      LocalTrainingBackend backend = new LocalTrainingBackend(ws, cli, runtime::inspect);
      run = backend.train(new TrainRequest(target.id(), version, args(target)),
          new TrainProgress(progress, context.err()), progress);
      progress.endLine();
    }
    return TrainOutput.finished(context, run);
  }

  private Integer cloud() throws IOException {
    if (device != null) {
      throw new ParameterException(spec.commandLine(), "--device is for --local training; the cloud takes --gpu-type");
    }
    CloudTarget target;
    try {
      target = new CloudTarget(project, gpuType);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    TrainingRun run;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace();
        PlatformClient client = PlatformAccess.client(context)) {
      Dataset chosen = ws.datasets().require(dataset);
      TrainArgs args = args(chosen);
      run = TrainCloud.backend(ws, client, target, pollSeconds, runtime)
          .train(new TrainRequest(chosen.id(), version, args), new TrainProgress(progress, context.err()), progress);
      progress.endLine();
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
    return TrainOutput.finished(context, run);
  }

  private TrainArgs args(Dataset target) {
    try {
      return TrainArgs.defaults(target.task()).withModel(model).withEpochs(epochs).withImgsz(imgsz)
          .withBatch(batch).withDevice(device).withName(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
