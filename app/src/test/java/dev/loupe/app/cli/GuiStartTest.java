package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.DisplayCheck;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Where no window can be opened, {@code loupe} prints its commands and {@code loupe gui} says why. */
class GuiStartTest {
  @TempDir Path dir;

  @Test
  void withoutADisplayLoupeListsTheDatasetsAndTheCommandsAndSucceeds() {
    Cli cli = new Cli(dir);
    cli.ok("dataset", "create", "--name", "Cars", "--task", "detect", "--classes", "car,bus");
    Cli.Result r = cli.run();
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .doesNotContain("First start")
        .contains("cars")
        .contains("The workbench window needs a display")
        .contains("Usage: loupe")
        .contains("gui");
  }

  @Test
  void loupeGuiWithoutADisplayFailsWithOneClearLine() {
    Cli.Result r = new Cli(dir).run("gui");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("error: cannot open the workbench window: ");
  }

  @Test
  void theWorkbenchTakesTheDeviceAndThreadsOfItsModels() {
    Cli.Result help = new Cli(dir).ok("gui", "--help");
    assertThat(help.out()).contains("--device").contains("--threads");
    Cli.Result bad = new Cli(dir).run("gui", "--device", "tpu");
    assertThat(bad.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(bad.err()).contains("unknown device 'tpu'");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.FREEBSD, OS.OPENBSD, OS.SOLARIS})
  void onX11OrWaylandADisplayMustBeNamed() {
    assertThat(DisplayCheck.whyNoDisplay(Map.<String, String>of()::get)).isEqualTo("DISPLAY is not set");
    assertThat(DisplayCheck.whyNoDisplay(Map.of("DISPLAY", ":99")::get)).isNull();
    assertThat(DisplayCheck.whyNoDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0")::get)).isNull();
    assertThat(DisplayCheck.whyNoDisplay(Map.of("DISPLAY", " ")::get)).isEqualTo("DISPLAY is not set");
  }
}
