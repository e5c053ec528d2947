package dev.loupe.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code loupe bench cold-start}: the time from starting the program to its window's first frame,
 * on a workspace holding the demo dataset. Each run is a new process (the jar on this JVM, or the
 * app-image's launcher with {@code --launcher}) started with {@code gui --close-when-shown}; the
 * clock runs from {@code ProcessBuilder.start()} to the line the window prints after its first
 * frame. Needs a display (run it under {@code xvfb-run}). The OS file cache is warm after the first
 * run: that run is reported apart.
 */
final class ColdStartBenchmark {
  private static final Pattern SHOWN = Pattern.compile("window shown after (\\d+) ms");

  private final PrintStream out;

  ColdStartBenchmark(PrintStream out) {
    this.out = out;
  }

  void run(Path dir, List<String> launcher, int runs) throws IOException, InterruptedException {
    Path workspace = dir.resolve("workspace");
    if (!Files.isDirectory(workspace)) {
      List<String> demo = new ArrayList<>(launcher);
      demo.add("demo");
      start(demo, workspace).waitFor(5, TimeUnit.MINUTES);
    }
    out.printf("cold start of %s (%d runs, workspace with the demo dataset)%n", String.join(" ", launcher), runs);
    double[] wall = new double[runs];
    double[] jvm = new double[runs];
    for (int i = 0; i < runs; i++) {
      List<String> gui = new ArrayList<>(launcher);
      gui.addAll(List.of("gui", "--close-when-shown"));
      long t0 = System.nanoTime();
      Process p = start(gui, workspace);
      long shownMs = -1;
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          Matcher m = SHOWN.matcher(line);
          if (m.find() && shownMs < 0) {
            wall[i] = (System.nanoTime() - t0) / 1e6;
            shownMs = Long.parseLong(m.group(1));
          }
        }
      }
      p.waitFor(1, TimeUnit.MINUTES);
      if (shownMs < 0) {
        throw new IllegalStateException("the window never said it was shown (exit " + p.exitValue()
            + "): is there a display? Run under xvfb-run.");
      }
      jvm[i] = shownMs;
      out.printf("  run %d: %s ms to the first frame (%s ms after the process started, by its own clock)%n",
          i + 1, Stopwatch.fmt(wall[i]), Stopwatch.fmt(jvm[i]));
    }
    if (runs > 1) {
      double[] warm = Arrays.copyOfRange(wall, 1, runs);
      out.printf("first run %s ms; later runs median %s ms, max %s ms (goal <= 2000 ms)%n",
          Stopwatch.fmt(wall[0]), Stopwatch.fmt(Stopwatch.median(warm)), Stopwatch.fmt(Stopwatch.max(warm)));
    }
  }

  /** This JVM's java and the jar it runs: the default launcher. */
  static List<String> thisJar() throws URISyntaxException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return List.of(java, "-jar", jar.toString());
  }

  private static Process start(List<String> command, Path workspace) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("LOUPE_WORKSPACE", workspace.toString());
    return pb.start();
  }
}
