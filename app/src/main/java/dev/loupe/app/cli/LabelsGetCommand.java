package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe labels get DATASET HASH}: the labels as YOLO rows, or JSON. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Print an image's labels (YOLO rows).")
public final class LabelsGetCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "HASH", description = "The image's sha-256.")
  String hash;

  public LabelsGetCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      Dataset d = workspace.datasets().require(dataset);
      List<Label> labels = workspace.labels().get(d.id(), hash);
      if (context.json()) {
        context.printJson(ApiJson.labels(labels, d.classNames()));
        return 0;
      }
      for (Label label : labels) {
        if (label instanceof ClassLabel c) {
          context.out().println(c.classId() + (c.classId() < d.classCount() ? " " + d.classNames().get(c.classId()) : ""));
        } else {
          context.out().println(YoloRows.format(label));
        }
      }
      context.out().flush();
      return 0;
    }
  }
}
