package dev.loupe.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.cli.CliContext;
import dev.loupe.app.cli.GlobalOptions;
import dev.loupe.app.cli.InterruptHooks;
import dev.loupe.core.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start that opens the window reads its arguments with only the commands it can run. */
class MainTest {
  @TempDir Path dir;

  @Test
  void noCommandOrGuiAfterTheGlobalOptionsOpensTheWindow() {
    assertThat(Main.opensWindow(new String[] {})).isTrue();
    assertThat(Main.opensWindow(new String[] {"gui"})).isTrue();
    assertThat(Main.opensWindow(new String[] {"--workspace", "/data/ws"})).isTrue();
    assertThat(Main.opensWindow(new String[] {"--workspace=/data/ws", "--debug", "gui", "--device", "cpu"})).isTrue();
    assertThat(Main.opensWindow(new String[] {"--json", "gui", "--screenshot", "shots"})).isTrue();
  }

  @Test
  void anyOtherCommandOrOptionBuildsTheWholeCommandLine() {
    assertThat(Main.opensWindow(new String[] {"datasets"})).isFalse();
    assertThat(Main.opensWindow(new String[] {"--workspace", "/data/ws", "import", "gui"})).isFalse();
    assertThat(Main.opensWindow(new String[] {"--help"})).isFalse();
    assertThat(Main.opensWindow(new String[] {"--version"})).isFalse();
    // a workspace folder named like the command is the option's value, not the command
    assertThat(Main.opensWindow(new String[] {"--workspace", "gui", "stats"})).isFalse();
  }

  @Test
  void onlyTheWorkspaceGuiAndTheProbeOpenTheWindowWithoutTheCommandLine() {
    assertThat(Main.WindowStart.of(new String[] {})).isEqualTo(new Main.WindowStart(null, false, false));
    assertThat(Main.WindowStart.of(new String[] {"--workspace", "/data/ws", "gui", "--close-when-shown"}))
        .isEqualTo(new Main.WindowStart(Path.of("/data/ws"), true, true));
    assertThat(Main.WindowStart.of(new String[] {"--workspace=/data/ws"}))
        .isEqualTo(new Main.WindowStart(Path.of("/data/ws"), false, false));
    // everything else is the command line's to read (and to say what is wrong with it)
    assertThat(Main.WindowStart.of(new String[] {"gui", "--device", "cpu"})).isNull();
    assertThat(Main.WindowStart.of(new String[] {"--debug", "gui"})).isNull();
    assertThat(Main.WindowStart.of(new String[] {"gui", "--help"})).isNull();
    assertThat(Main.WindowStart.of(new String[] {"--workspace"})).isNull();
    assertThat(Main.WindowStart.of(new String[] {"--close-when-shown"})).isNull();
  }

  @Test
  void theDirectStartOfAnEmptyWorkspaceGoesThroughTheFirstStart() {
    Path workspace = dir.resolve("ws");
    CliContext context = context(workspace);
    int code = Main.WindowStart.of(new String[] {}).run(context, new String[] {});
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("First start").contains("The workbench window needs a display");
    try (Workspace ws = Workspace.open(workspace)) {
      assertThat(ws.datasets().list()).hasSize(1);
    }
    // the workspace has its demo now: the direct start opens the window (here it says why it cannot)
    out.getBuffer().setLength(0);
    assertThat(Main.WindowStart.of(new String[] {}).run(context(workspace), new String[] {})).isEqualTo(1);
    assertThat(err.toString()).contains("error: cannot open the workbench window: DISPLAY is not set");
    assertThat(out.toString()).doesNotContain("First start");
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CliContext context(Path workspace) {
    return new CliContext(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Map.of("LOUPE_WORKSPACE", workspace.toString()),
        dir.resolve("home"), false, System::nanoTime, InterruptHooks.NONE);
  }

  @Test
  void theWindowsCommandsRunTheFirstStartAndTheGuiHelp() {
    Path workspace = dir.resolve("ws");
    CliContext context = context(workspace);

    // no display here: the first start makes the demo dataset, lists it and says why there is no window
    int code = Main.commandLine(context, Main.windowCommands(context)).execute();
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("First start").contains("The workbench window needs a display");
    try (Workspace ws = Workspace.open(workspace)) {
      assertThat(ws.datasets().list()).hasSize(1);
    }
    assertThat(Main.commandLine(context, Main.windowCommands(context)).execute("gui", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: loupe gui").contains("--device");
  }
}
