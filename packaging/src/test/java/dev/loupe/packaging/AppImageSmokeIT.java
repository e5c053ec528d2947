package dev.loupe.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the app-image the build just made, as a user would: its {@code loupe} launcher makes the demo
 * dataset, then its window opens on it and writes its screenshots. Under {@code xvfb-run} where that is
 * installed, the real launcher on an X display; otherwise the image's own runtime and jar on the
 * headless Monocle platform, so a machine without X still starts the packaged program.
 */
class AppImageSmokeIT {
  private static Path image;

  @TempDir Path temp;

  @BeforeAll
  static void findImage() {
    image = Path.of(System.getProperty("loupe.appImage", "target/jpackage/Loupe"));
    assertThat(image.resolve("bin/Loupe")).as("the app-image's window launcher").isExecutable();
  }

  @Test
  void commandLineLauncherRunsFromTheImage() throws Exception {
    Result version = run(List.of(image.resolve("bin/loupe").toString(), "--version"), temp.resolve("ws"), Map.of(), 60);
    assertThat(version.exit).as(version.output).isZero();
    assertThat(version.output).contains("loupe");
  }

  @Test
  void windowOpensOnTheDemoAndWritesItsScreenshots() throws Exception {
    Path workspace = temp.resolve("ws");
    Result demo = run(List.of(image.resolve("bin/loupe").toString(), "demo"), workspace, Map.of(), 120);
    assertThat(demo.exit).as(demo.output).isZero();

    Path shots = temp.resolve("shots");
    List<String> gui = new ArrayList<>();
    if (AppImageBuilder.onPath("xvfb-run")) {
      gui.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24", image.resolve("bin/Loupe").toString()));
    } else {
      gui.addAll(List.of(
          image.resolve("lib/runtime/bin/java").toString(),
          "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
          "-cp", image.resolve("lib/app/loupe.jar") + File.pathSeparator + monocleJar(),
          "dev.loupe.app.Main"));
    }
    gui.addAll(List.of("gui", "--screenshot", shots.toString()));
    // Monocle draws into memory and never reads DISPLAY, but Loupe's start checks that one is named
    Map<String, String> env = AppImageBuilder.onPath("xvfb-run") ? Map.of() : Map.of("DISPLAY", ":monocle");
    Result window = run(gui, workspace, env, 300);
    assertThat(window.exit).as(window.output).isZero();
    assertThat(shots.resolve("01-dataset-grid.png")).as(window.output).isNotEmptyFile();
    keep(shots);
  }

  /** Copies the pictures under target/ so a CI run can show what the packaged window looked like. */
  private static void keep(Path shots) throws IOException {
    Path kept = Path.of("target/smoke-screenshots");
    Files.createDirectories(kept);
    try (Stream<Path> files = Files.list(shots)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, kept.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The openjfx-monocle jar on this test's class path (found by a class file, not loaded). */
  private static String monocleJar() throws URISyntaxException {
    URL url = AppImageSmokeIT.class.getClassLoader()
        .getResource("com/sun/glass/ui/monocle/MonoclePlatformFactory.class");
    assertThat(url).as("openjfx-monocle on the test class path").isNotNull();
    String jar = url.toString();
    return Path.of(new URI(jar.substring("jar:".length(), jar.indexOf("!/")))).toString();
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Path workspace, Map<String, String> env, int timeoutSeconds)
      throws Exception {
    Path log = Files.createTempFile("loupe-smoke", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("LOUPE_WORKSPACE", workspace.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return new Result(-1, "timed out after " + timeoutSeconds + " s:\n" + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
