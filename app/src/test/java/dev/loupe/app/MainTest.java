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
  void theWindowsCommandsRunTheFirstStartAndTheGuiHelp() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path workspace = dir.resolve("ws");
    CliContext context = new CliContext(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Map.of("LOUPE_WORKSPACE", workspace.toString()),
        dir.resolve("home"), false, System::nanoTime, InterruptHooks.NONE);

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
