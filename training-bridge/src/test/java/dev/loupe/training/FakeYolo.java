package dev.loupe.training;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ConstantOnnxModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A program that behaves like the ultralytics CLI for tests (no Python): {@code TASK train key=value
 * ...} writes the run folder {@code project/name} (args.yaml, results.csv one row per epoch with the
 * task's real headers, weights/last.pt and best.pt as small files, and {@code seen.txt}: the images
 * per split of the data it was given), {@code train resume model=.../last.pt} goes on from the last
 * row, {@code TASK val} prints a table, {@code export model=X.pt format=onnx} writes a tiny real ONNX
 * model beside X.pt (X.pt may be a copy: it names its run folder), another format a folder
 * {@code X_FORMAT_model/}. Told by environment variables (baked into the launcher {@link #install} writes):
 *
 * <ul>
 *   <li>{@code FAKE_YOLO_CRASH_AT=N}: after writing epoch N-1, prints a traceback on stderr, exits 1
 *   <li>{@code FAKE_YOLO_EPOCH_MILLIS=M}: each epoch takes M ms (slow)
 *   <li>{@code FAKE_YOLO_CHATTY=N}: prints N progress lines per epoch, redrawn with carriage returns
 *   <li>{@code FAKE_YOLO_CHILD=1}: starts a child process (a data-loader worker) that sleeps, and
 *       writes its pid to {@code child.pid} in the run folder
 *   <li>{@code FAKE_YOLO_EXPORT_FAIL=1}: export exits 1
 * </ul>
 */
public final class FakeYolo {
  private FakeYolo() {}

  /** Writes an executable {@code yolo} launcher in {@code dir} running this class with {@code env} set. */
  public static Path install(Path dir, Map<String, String> env) throws IOException {
    Files.createDirectories(dir);
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    StringBuilder script = new StringBuilder("#!/bin/sh\n");
    env.forEach((k, v) -> script.append("export ").append(k).append("='").append(v).append("'\n"));
    script.append("exec '").append(java).append("' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '").append(classPath)
        .append("' ").append(FakeYolo.class.getName()).append(" \"$@\"\n");
    Path launcher = dir.resolve("yolo");
    Files.writeString(launcher, script.toString());
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    return launcher;
  }

  public static void main(String[] argv) throws Exception {
    List<String> words = new ArrayList<>();
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : argv) {
      int eq = a.indexOf('=');
      if (eq > 0) {
        args.put(a.substring(0, eq), a.substring(eq + 1));
      } else {
        words.add(a);
      }
    }
    if (words.contains("train")) {
      System.exit(words.contains("resume") ? resume(args) : train(words, args));
    } else if (words.contains("val")) {
      System.out.println("                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95)");
      System.out.println("                   all          4          8      0.812      0.745      0.801      0.533");
      System.exit(0);
    } else if (words.contains("export")) {
      System.exit(export(args));
    }
    System.err.println("fake yolo: unknown command " + String.join(" ", argv));
    System.exit(2);
  }

  private static int train(List<String> words, Map<String, String> args) throws Exception {
    Task task = Task.parse(words.get(0));
    Path runDir = Path.of(args.get("project")).resolve(args.get("name"));
    Files.createDirectories(runDir.resolve("weights"));
    StringBuilder yaml = new StringBuilder("task: " + task.apiName() + "\nmode: train\n");
    args.forEach((k, v) -> yaml.append(k).append(": ").append(v).append('\n'));
    yaml.append("save_dir: ").append(runDir).append('\n');
    Files.writeString(runDir.resolve("args.yaml"), yaml.toString());
    Files.writeString(runDir.resolve("seen.txt"), seen(task, Path.of(args.get("data"))));
    Files.deleteIfExists(runDir.resolve("results.csv"));
    return epochs(task, runDir, 1, Integer.parseInt(args.get("epochs")));
  }

  private static int resume(Map<String, String> args) throws Exception {
    Path runDir = Path.of(args.get("model")).toAbsolutePath().getParent().getParent();
    Map<String, String> saved = yaml(runDir.resolve("args.yaml"));
    Task task = Task.parse(saved.get("task"));
    List<String> lines = Files.readAllLines(runDir.resolve("results.csv"));
    int done = lines.size() - 1;
    System.out.println("Resuming training " + args.get("model") + " from epoch " + (done + 1));
    return epochs(task, runDir, done + 1, Integer.parseInt(saved.get("epochs")));
  }

  private static int epochs(Task task, Path runDir, int first, int epochs) throws Exception {
    Process child = null;
    if ("1".equals(System.getenv("FAKE_YOLO_CHILD"))) {
      child = new ProcessBuilder("sleep", "600").start();
      Files.writeString(runDir.resolve("child.pid"), Long.toString(child.pid()));
    }
    int crashAt = Integer.parseInt(env("FAKE_YOLO_CRASH_AT", "0"));
    long millis = Long.parseLong(env("FAKE_YOLO_EPOCH_MILLIS", "0"));
    int chatty = Integer.parseInt(env("FAKE_YOLO_CHATTY", "0"));
    List<String> columns = ResultsHeaders.of(task);
    Path csv = runDir.resolve("results.csv");
    if (!Files.exists(csv)) {
      // padded, as older versions write it
      Files.writeString(csv, String.join(",", columns.stream().map(c -> String.format("%25s", c)).toList()) + "\n");
    }
    for (int epoch = first; epoch <= epochs; epoch++) {
      if (epoch == crashAt) {
        System.out.flush();
        System.err.println("Traceback (most recent call last):");
        System.err.println("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB");
        System.err.flush();
        return 1;
      }
      for (int i = 1; i <= chatty; i++) {
        System.out.print("\r      " + epoch + "/" + epochs + "  batch " + i + "/" + chatty + "  box_loss 1.234");
        if (i == chatty) {
          System.out.println();
        }
      }
      System.out.flush();
      if (millis > 0) {
        Thread.sleep(millis);
      }
      List<String> values = new ArrayList<>();
      for (String column : columns) {
        values.add(column.equals("epoch") ? Integer.toString(epoch)
            : Double.toString(ResultsHeaders.value(column, epoch, epochs)));
      }
      Files.writeString(csv, String.join(",", values) + "\n", StandardOpenOption.APPEND);
      byte[] weights = ("fake checkpoint " + runDir + " epoch " + epoch).getBytes(StandardCharsets.UTF_8);
      Files.write(runDir.resolve("weights").resolve("last.pt"), weights);
      Files.write(runDir.resolve("weights").resolve("best.pt"), weights);
      System.out.println("epoch " + epoch + "/" + epochs + " done");
    }
    System.out.println(epochs + " epochs completed. Results saved to " + runDir);
    if (child != null) {
      child.destroy();
    }
    return 0;
  }

  private static int export(Map<String, String> args) throws IOException {
    if ("1".equals(System.getenv("FAKE_YOLO_EXPORT_FAIL"))) {
      System.err.println("ONNX: export failure: onnx not installed");
      return 1;
    }
    Path model = Path.of(args.get("model")).toAbsolutePath();
    String format = args.getOrDefault("format", "torchscript");
    if (!format.equals("onnx")) {
      Path dir = model.resolveSibling(model.getFileName().toString().replaceFirst("\\.pt$", "_" + format + "_model"));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("model.bin"), "fake " + format + " export of " + model);
      System.out.println(format + ": export success, saved as " + dir);
      return 0;
    }
    // like ultralytics, the checkpoint says what it is: its run folder (where args.yaml is)
    String content = Files.readString(model, StandardCharsets.UTF_8);
    Path runDir = content.startsWith("fake checkpoint ")
        ? Path.of(content.substring("fake checkpoint ".length(), content.lastIndexOf(" epoch ")))
        : model.getParent().getParent();
    Map<String, String> saved = yaml(runDir.resolve("args.yaml"));
    Task task = Task.parse(saved.get("task"));
    List<String> names = names(task, Path.of(saved.get("data")));
    int imgsz = Integer.parseInt(args.getOrDefault("imgsz", "640"));
    StringBuilder dict = new StringBuilder("{");
    for (int i = 0; i < names.size(); i++) {
      dict.append(i == 0 ? "" : ", ").append(i).append(": '").append(names.get(i)).append("'");
    }
    dict.append('}');
    int channels = task == Task.CLASSIFY ? names.size() : 4 + names.size();
    Path onnx = model.resolveSibling(model.getFileName().toString().replaceFirst("\\.pt$", ".onnx"));
    new ConstantOnnxModel(1, 3, imgsz, imgsz).meta("task", task.apiName()).meta("names", dict.toString())
        .meta("imgsz", "[" + imgsz + ", " + imgsz + "]").meta("stride", "32")
        .output(new float[channels * 2], 1, channels, 2).write(onnx);
    System.out.println("ONNX: export success, saved as " + onnx);
    return 0;
  }

  /** {@code train=N val=N test=N}: the image files under each split of the data. */
  private static String seen(Task task, Path data) throws IOException {
    Path root = task == Task.CLASSIFY ? data : data.getParent();
    StringBuilder sb = new StringBuilder();
    for (String split : List.of("train", "val", "test")) {
      Path dir = task == Task.CLASSIFY ? root.resolve(split) : root.resolve("images").resolve(split);
      long n = 0;
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          n = files.filter(Files::isRegularFile).count();
        }
      }
      sb.append(split).append('=').append(n).append('\n');
    }
    return sb.toString();
  }

  private static List<String> names(Task task, Path data) throws IOException {
    List<String> names = new ArrayList<>();
    if (task == Task.CLASSIFY) {
      try (Stream<Path> dirs = Files.list(data.resolve("train"))) {
        dirs.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
      }
      return names;
    }
    boolean inNames = false;
    for (String line : Files.readAllLines(data)) {
      if (line.startsWith("names:")) {
        inNames = true;
      } else if (inNames && line.startsWith("  ") && line.contains(":")) {
        names.add(line.substring(line.indexOf(':') + 1).strip());
      } else if (inNames) {
        inNames = false;
      }
    }
    return names;
  }

  private static Map<String, String> yaml(Path file) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        map.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return map;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
