package dev.loupe.app.cli;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
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
 * training's processes. {@code --cloud} needs the platform client, which this build does not have.
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

  @Option(names = "--cloud", description = "Train on the platform's cloud GPUs (needs the platform client).")
  boolean cloud;

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
    if (cloud) {
      throw new IllegalArgumentException("cloud training needs the Ultralytics platform client, which this build"
          + " does not have yet; train on this machine with --local");
    }
    YoloCli cli = TrainOutput.yolo(context, yolo); // no yolo: fail before anything is made
    TrainingRun run;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      Dataset target = ws.datasets().require(dataset);
      TrainArgs args;
      try {
        args = TrainArgs.defaults(target.task()).withModel(model).withEpochs(epochs).withImgsz(imgsz)
            .withBatch(batch).withDevice(device).withName(name);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      LocalTrainingBackend backend = new LocalTrainingBackend(ws, cli, runtime::inspect);
      run = backend.train(new TrainRequest(target.id(), version, args), new TrainProgress(progress, context.err()),
          progress);
      progress.endLine();
    }
    return TrainOutput.finished(context, run);
  }
}
