package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorHandlingTest {
  @TempDir Path workspace;

  @Test
  void unknownDatasetFailsWithOneLineAndExitOne() {
    Cli.Result r = new Cli(workspace).run("dataset", "show", "nope");
    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.errLines()).containsExactly("loupe: dataset 'nope' not found");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Cli cli = new Cli(workspace);
    Cli.Result unknownOption = cli.run("datasets", "--bogus");
    assertThat(unknownOption.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(unknownOption.errLines()).hasSize(1);
    assertThat(unknownOption.err()).startsWith("loupe: Unknown option: '--bogus'");

    Cli.Result badTask = cli.run("dataset", "create", "--name", "x", "--task", "nonsense");
    assertThat(badTask.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(badTask.err()).contains("unknown task 'nonsense'");

    Cli.Result badFormat = cli.run("export", "x", "--format", "tiff", "--out", "o");
    assertThat(badFormat.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(badFormat.err()).contains("unknown format 'tiff'");

    Cli.Result noSubcommand = cli.run("trash");
    assertThat(noSubcommand.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(noSubcommand.err()).contains("missing command");
  }

  @Test
  void lockedWorkspaceGivesTheClearMessage() {
    try (Workspace held = Workspace.open(workspace)) {
      Cli.Result r = new Cli(workspace).run("datasets");
      assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).startsWith("loupe: workspace ").contains("is in use by another Loupe process");
    }
  }

  @Test
  void missingImportPathNamesIt() {
    Cli.Result r = new Cli(workspace).run("import", workspace.resolve("absent").toString());
    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.errLines()).containsExactly("loupe: no such file or folder: " + workspace.resolve("absent"));
  }

  @Test
  void stackTracesOnlyWithDebug() {
    Cli cli = new Cli(workspace);
    assertThat(cli.run("stats", "nope").err()).doesNotContain("\tat ");
    assertThat(cli.run("stats", "nope", "--debug").err()).contains("NotFoundException").contains("\tat ");
  }

  @Test
  void ctrlCCancelsWithExit130AndLeavesNoDataset() {
    InterruptHooks pressedAtOnce = (cancel, await) -> {
      cancel.run();
      return () -> {};
    };
    Cli.Result r = new Cli(workspace).interruptHooks(pressedAtOnce).run("demo", "--images", "50");
    assertThat(r.exit()).isEqualTo(ErrorReporter.CANCELLED);
    assertThat(r.errLines()).containsExactly("loupe: cancelled");
    assertThat(new Cli(workspace).json("datasets").path("total").asInt()).isZero();
  }

  @Test
  void noCommandPrintsHelp() {
    Cli.Result r = new Cli(workspace).run();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: loupe").contains("import").contains("trash");
  }

  @Test
  void workspaceOptionWinsOverTheEnvironment() {
    Path other = workspace.resolve("other");
    Cli cli = new Cli(workspace.resolve("env"));
    cli.ok("--workspace", other.toString(), "dataset", "create", "--name", "A", "--task", "detect");
    assertThat(cli.json("datasets", "--workspace", other.toString()).path("total").asInt()).isEqualTo(1);
    assertThat(cli.json("datasets").path("total").asInt()).isZero();
  }
}
