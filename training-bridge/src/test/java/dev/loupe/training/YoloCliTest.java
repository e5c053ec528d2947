package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "executable bits and a shell-script launcher")
class YoloCliTest {
  @TempDir Path dir;

  @Test
  void yoloIsFoundOnPath() throws IOException {
    Path launcher = FakeYolo.install(dir.resolve("bin"), Map.of());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    String path = empty + File.pathSeparator + "" + File.pathSeparator + launcher.getParent();
    assertThat(YoloCli.locate(null, path).executable()).isEqualTo(launcher.toAbsolutePath());
  }

  @Test
  void noYoloSaysHowToInstallUltralytics() throws IOException {
    Path notExecutable = Files.writeString(dir.resolve("yolo"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> YoloCli.locate(null, dir.toString()))
        .isInstanceOf(YoloNotFoundException.class)
        .hasMessageContaining("'yolo') is not on PATH")
        .hasMessageContaining("pip install ultralytics");
    assertThatThrownBy(() -> YoloCli.locate(null, null)).isInstanceOf(YoloNotFoundException.class);
    assertThatThrownBy(() -> YoloCli.locate(notExecutable, null))
        .isInstanceOf(YoloNotFoundException.class)
        .hasMessageContaining("configured as " + notExecutable)
        .hasMessageContaining("pip install ultralytics");
  }

  @Test
  void valAndExportRunToTheirEndKeepingTheConsole() throws IOException {
    YoloCli yolo = YoloCli.locate(FakeYolo.install(dir.resolve("bin"), Map.of()), null);
    ConsoleTail console = new ConsoleTail(10, line -> {});
    int code = yolo.run(java.util.List.of("detect", "val", "model=x.onnx", "data=d.yaml"), dir, console,
        dev.loupe.core.task.TaskMonitor.NONE);
    assertThat(code).isZero();
    assertThat(console.text()).contains("all          4          8");
    assertThat(yolo.run(java.util.List.of("nonsense"), dir, console, dev.loupe.core.task.TaskMonitor.NONE))
        .isEqualTo(2);
    assertThat(console.text()).contains("fake yolo: unknown command nonsense");
  }
}
