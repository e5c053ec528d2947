package dev.loupe.packaging;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the installable Loupe: a Java runtime cut down by jlink, then a jpackage app-image of
 * {@code loupe.jar} (JavaFX, its natives and every library are inside it; libtorch's native jar
 * rides beside it in {@code lib/}) with two launchers, {@code Loupe} for the window and
 * {@code loupe} for the command line, and on request a {@code .deb} made from that image.
 *
 * <p>Run by the packaging module's build ({@code exec:java}); the tools are the JDK's own, found
 * through {@link ToolProvider}, so nothing beyond a JDK 17 is needed for the app-image. A .deb also
 * needs {@code dpkg-deb} and {@code fakeroot}.
 *
 * <pre>
 * --input=DIR    the app module's target folder: loupe.jar and lib/
 * --icons=DIR    the icons folder (loupe-256.png)
 * --linux=DIR    the .deb's own postinst and prerm (menu entry, /usr/bin/loupe)
 * --dest=DIR     where runtime/, input/, Loupe/ and the .deb go
 * --version=V    the app version, numbers only (jpackage's rule)
 * --types=T,...  app-image and/or deb
 * </pre>
 */
public final class AppImageBuilder {
  /** The JDK modules Loupe needs: all of Java SE plus the unsupported and crypto bits libraries use. */
  static final String MODULES =
      "java.se,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.management,jdk.localedata,jdk.charsets";

  static final String APP_NAME = "Loupe";

  /**
   * The JVM options of every launcher. The Tier4 thresholds (ten times the defaults) keep C2 back
   * until code is clearly hot: on two cores its compiles of start-up code took the CPU the first
   * window needs (2.8 s to 2.4 s to the first frame); loops over pixels or rows still reach it
   * within their first second.
   */
  static final List<String> JAVA_OPTIONS = List.of(
      "-Dfile.encoding=UTF-8",
      "-XX:Tier4InvocationThreshold=50000", "-XX:Tier4MinInvocationThreshold=20000",
      "-XX:Tier4CompileThreshold=60000", "-XX:Tier4BackEdgeThreshold=400000");

  private final Path input;
  private final Path icons;
  private final Path linux;
  private final Path dest;
  private final String version;
  private final List<String> types;

  AppImageBuilder(Path input, Path icons, Path linux, Path dest, String version, List<String> types) {
    this.input = input;
    this.icons = icons;
    this.linux = linux;
    this.dest = dest;
    this.version = version;
    this.types = types;
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    new AppImageBuilder(
            Path.of(required(options, "input")),
            Path.of(required(options, "icons")),
            Path.of(required(options, "linux")),
            Path.of(required(options, "dest")),
            required(options, "version"),
            List.of(required(options, "types").split(",")))
        .build();
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing --" + name + "=...");
    }
    return value;
  }

  void build() throws IOException {
    Path jar = input.resolve("loupe.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build the app module first (mvn package)");
    }
    Files.createDirectories(dest);
    Path runtime = runtime();
    Path staged = stage(jar);
    Path image = dest.resolve(APP_NAME);
    deleteTree(image);
    Path launcher = dest.resolve("loupe-cli.properties");
    // no menu entry for the command line: the window has one
    Files.writeString(launcher, "description=Loupe on the command line\nlinux-shortcut=false\n");
    List<String> args = new ArrayList<>(List.of(
        "--type", "app-image",
        "--name", APP_NAME,
        "--app-version", version,
        "--vendor", "Loupe",
        "--description", "Workbench for computer-vision datasets and YOLO models",
        "--input", staged.toString(),
        "--main-jar", "loupe.jar",
        "--main-class", "dev.loupe.app.Main",
        "--runtime-image", runtime.toString(),
        "--icon", icons.resolve("loupe-256.png").toString(),
        "--dest", dest.toString()));
    for (String option : JAVA_OPTIONS) {
      args.addAll(List.of("--java-options", option));
    }
    if (isLinux()) {
      // a second launcher for scripts: same program, named as the docs and the shell expect it
      args.addAll(List.of("--add-launcher", "loupe=" + launcher));
    }
    run("jpackage", args);
    List<String> classPath = classPath(image);
    classDataArchive(image, classPath);
    if (isLinux()) {
      scriptLaunchers(image, classPath);
    }
    System.out.printf("app-image: %s (%d MB)%n", image, size(image) >> 20);
    if (types.contains("deb")) {
      deb(image);
    }
  }

  /**
   * Loupe's own classes, and its libraries', as a class-data archive beside the jar
   * ({@code lib/app/loupe.jsa}), which both launchers map at start instead of parsing and verifying
   * those classes again (4.0 s to the first frame became 2.8 s here). Made by running the image's
   * runtime on the launchers' class path with {@code -XX:ArchiveClassesAtExit}: the window's start
   * under {@code xvfb-run} where it is installed, else a command-line start, which archives fewer
   * classes. The JVM uses an archive only where the jars are at the paths it was made with, so an
   * image moved elsewhere (an installed .deb) starts as it would without it. A failed dump leaves
   * the image without one.
   */
  private static void classDataArchive(Path image, List<String> classPath) throws IOException {
    Path app = image.resolve("lib/app");
    Path jsa = app.resolve("loupe.jsa");
    Path workspace = Files.createTempDirectory("loupe-cds");
    List<String> command = new ArrayList<>();
    boolean window = onPath("xvfb-run");
    if (window) {
      command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24"));
    }
    command.add(image.resolve("lib/runtime/bin/java").toString());
    command.addAll(List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    command.addAll(JAVA_OPTIONS);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), "dev.loupe.app.Main"));
    command.addAll(window ? List.of("gui", "--close-when-shown") : List.of("datasets"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("LOUPE_WORKSPACE", workspace.toString());
    try {
      Process p = pb.start();
      boolean done = p.waitFor(3, TimeUnit.MINUTES);
      if (!done || p.exitValue() != 0 || !Files.isRegularFile(jsa)) {
        p.destroyForcibly();
        Files.deleteIfExists(jsa);
        System.out.println("class-data archive: not made (the dump run failed); the image starts without one");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the class-data archive", e);
    } finally {
      deleteTree(workspace);
    }
    for (String launcher : List.of("Loupe.cfg", "loupe.cfg")) {
      Path cfg = app.resolve(launcher);
      if (Files.isRegularFile(cfg)) {
        Files.writeString(cfg, Files.readString(cfg).stripTrailing()
            + "\njava-options=-XX:SharedArchiveFile=$APPDIR/loupe.jsa\n");
      }
    }
    System.out.printf("class-data archive: %s (%d MB, from a %s start)%n",
        jsa, Files.size(jsa) >> 20, window ? "window" : "command-line");
  }

  /** The launchers' class path in the image: loupe.jar, then lib/'s jars by name. */
  private static List<String> classPath(Path image) throws IOException {
    Path app = image.resolve("lib/app");
    List<String> classPath = new ArrayList<>(List.of(app.resolve("loupe.jar").toString()));
    try (Stream<Path> libs = Files.list(app.resolve("lib"))) {
      libs.filter(l -> l.toString().endsWith(".jar")).sorted().forEach(l -> classPath.add(l.toString()));
    }
    return classPath;
  }

  /**
   * Replaces jpackage's two Linux launchers by {@code launcher.sh}: jpackage's asks {@code dpkg -S}
   * and {@code rpm -qf} which package owns it before it starts Java, 0.4-0.5 s of every start here.
   * The script starts the same runtime, class path and options, and gives an image moved from where
   * it was built (an installed .deb) a class-data archive of its own on its first window start.
   */
  private void scriptLaunchers(Path image, List<String> classPath) throws IOException {
    Path lib = image.resolve("lib").toRealPath();
    String template;
    try (var in = AppImageBuilder.class.getResourceAsStream("launcher.sh")) {
      if (in == null) {
        throw new IllegalStateException("launcher.sh is not on the packaging module's class path");
      }
      template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String script = template
        .replace("@VERSION@", version)
        .replace("@BUILT_AT@", lib.toString())
        .replace("@JAVA_OPTIONS@", "-Djpackage.app-version=" + version + " " + String.join(" ", JAVA_OPTIONS))
        .replace("@CLASSPATH@", String.join(":", classPath.stream()
            .map(jar -> "$lib/" + image.resolve("lib").relativize(Path.of(jar))).toList()));
    for (String name : List.of(APP_NAME, "loupe")) {
      Path launcher = image.resolve("bin").resolve(name);
      Files.writeString(launcher, script);
      launcher.toFile().setExecutable(true, false);
    }
  }

  /** Whether {@code program} is an executable in a folder of {@code $PATH}. */
  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }

  /** The jlink'ed runtime, kept between builds: it depends on the JDK only, not on Loupe's code. */
  private Path runtime() throws IOException {
    Path runtime = dest.resolve("runtime");
    Path stamp = runtime.resolve("loupe-jlink-options");
    List<String> options = List.of(
        "--add-modules", MODULES,
        // the JDK's own class-data archive, which a jlink'ed runtime lacks otherwise: its classes
        // start mapped instead of parsed and verified on each start
        "--generate-cds-archive",
        "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=2");
    if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(String.join(" ", options))) {
      return runtime;
    }
    deleteTree(runtime);
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("--output", runtime.toString()));
    run("jlink", args);
    Files.writeString(stamp, String.join(" ", options));
    return runtime;
  }

  /** jpackage copies all of --input: give it loupe.jar and lib/ only, not the rest of target/. */
  private Path stage(Path jar) throws IOException {
    Path staged = dest.resolve("input");
    deleteTree(staged);
    Files.createDirectories(staged.resolve("lib"));
    Files.copy(jar, staged.resolve("loupe.jar"));
    Path lib = input.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> files = Files.list(lib)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, staged.resolve("lib").resolve(f.getFileName()));
        }
      }
    }
    return staged;
  }

  private void deb(Path image) {
    run("jpackage", List.of(
        "--type", "deb",
        "--app-image", image.toString(),
        "--name", APP_NAME,
        "--app-version", version,
        "--vendor", "Loupe",
        "--description", "Workbench for computer-vision datasets and YOLO models",
        "--icon", icons.resolve("loupe-256.png").toString(),
        "--linux-package-name", "loupe",
        "--linux-app-category", "graphics",
        "--linux-menu-group", "Graphics;Science;",
        "--linux-shortcut",
        "--linux-deb-maintainer", "loupe@loupe.dev",
        "--resource-dir", linux.toString(),
        "--license-file", input.resolve("../../LICENSE").toAbsolutePath().normalize().toString(),
        "--dest", dest.toString()));
  }

  private static void run(String tool, List<String> args) {
    ToolProvider provider = ToolProvider.findFirst(tool)
        .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK: use a full JDK 17"));
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out, true)) {
      int rc = provider.run(w, w, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalStateException(tool + " failed (exit " + rc + "):\n" + out);
      }
    }
    if (!out.toString().isBlank()) {
      System.out.print(out);
    }
  }

  private static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  }

  static long size(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
