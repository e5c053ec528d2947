package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loupe dataset create --name N --task T}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create an empty dataset.")
public final class DatasetCreateCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(names = "--name", required = true, description = "Dataset name.")
  String name;

  @Option(
      names = "--task",
      required = true,
      converter = Converters.TaskConverter.class,
      description = "detect, segment, semantic, classify, pose or obb.")
  Task task;

  @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "Class names, e.g. cat,dog.")
  List<String> classes = new ArrayList<>();

  @Option(names = "--kpt-shape", split = ",", paramLabel = "N", description = "Pose keypoint shape, e.g. 17,3.")
  List<Integer> kptShape;

  @Option(names = "--description", description = "Free text.")
  String description;

  public DatasetCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    KptShape shape = null;
    if (kptShape != null) {
      if (kptShape.size() != 2) {
        throw new ParameterException(spec.commandLine(), "--kpt-shape takes two numbers, e.g. 17,3");
      }
      try {
        shape = new KptShape(kptShape.get(0), kptShape.get(1));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    try (Workspace workspace = context.openWorkspace()) {
      Dataset d =
          workspace
              .datasets()
              .create(new NewDataset(null, name, description, task, classes, null, shape, null, null));
      if (context.json()) {
        context.printJson(ApiJson.dataset(d, workspace.images().counts(d.id())));
      } else {
        context.out().println("created " + d.slug() + " (" + d.id() + ")");
        context.out().flush();
      }
      return 0;
    }
  }
}
