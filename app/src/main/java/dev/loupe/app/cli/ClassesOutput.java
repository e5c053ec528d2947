package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;

/** What the class commands print: the dataset (JSON) or a line and the classes now. */
final class ClassesOutput {
  private ClassesOutput() {}

  static void print(CliContext context, Workspace workspace, String dataset, String done) {
    Dataset d = workspace.datasets().require(dataset);
    if (context.json()) {
      context.printJson(ApiJson.dataset(d, workspace.images().counts(d.id())));
      return;
    }
    context.out().println(done);
    StringBuilder sb = new StringBuilder("classes:");
    for (int i = 0; i < d.classCount(); i++) {
      sb.append(' ').append(i).append('=').append(d.classNames().get(i));
    }
    context.out().println(sb);
    context.out().flush();
  }
}
