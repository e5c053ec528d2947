package dev.loupe.core.formats.coco;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads COCO JSON (instances or person keypoints): one {@code .json} file, or a folder with
 * {@code annotations/*.json} (one file per split) or with {@code *.json} files beside the images.
 * Converts as Ultralytics' {@code convert_coco} does: crowd (RLE) and zero-size annotations skipped,
 * multi-part polygons merged into one.
 */
public final class CocoReader implements DatasetReader {
  private final Task forcedTask;
  private final ObjectMapper mapper = new ObjectMapper();

  /** Infers the task from the file (keypoints: pose, any polygon: segment, else detect). */
  public CocoReader() {
    this(null);
  }

  /** @param forcedTask DETECT, SEGMENT or POSE to override the inferred task; null infers it */
  public CocoReader(Task forcedTask) {
    if (forcedTask != null && forcedTask != Task.DETECT && forcedTask != Task.SEGMENT
        && forcedTask != Task.POSE) {
      throw new IllegalArgumentException("COCO import supports detect, segment and pose, not " + forcedTask.apiName());
    }
    this.forcedTask = forcedTask;
  }

  @Override
  public String formatName() {
    return "coco";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    List<Path> files = jsonFiles(path);
    if (files.isEmpty()) {
      return false;
    }
    try (InputStream in = Files.newInputStream(files.get(0))) {
      String head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
      return head.stripLeading().startsWith("{")
          && (head.contains("\"images\"") || head.contains("\"categories\"") || head.contains("\"annotations\""));
    }
  }

  @Override
  public DatasetSpec readSpec(Path path, ImportReport report) throws IOException {
    List<CocoFile> files = new ArrayList<>();
    for (Path f : requireFiles(path)) {
      files.add(CocoFile.read(f, mapper));
    }
    CocoClasses classes = CocoClasses.of(files);
    Task task = forcedTask != null ? forcedTask
        : classes.kptShape != null ? Task.POSE : classes.anyPolygon ? Task.SEGMENT : Task.DETECT;
    if (task == Task.POSE && classes.kptShape == null) {
      throw new IOException("pose import needs COCO categories with 'keypoints'");
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    if (task == Task.POSE && !classes.keypointNames.isEmpty()) {
      extra.put("kpt_names", new LinkedHashMap<>(classes.keypointNames));
    }
    Path folder = requireFiles(path).get(0).toAbsolutePath().getParent();
    String name = folder.getFileName() == null ? "dataset" : folder.getFileName().toString();
    return new DatasetSpec(name, null, task, classes.names,
        task == Task.POSE ? classes.kptShape : null, task == Task.POSE ? classes.flipIdx() : null, extra);
  }

  @Override
  public void readItems(
      Path path, DatasetSpec spec, ImportReport report, Consumer<ImportItem> out, TaskMonitor monitor)
      throws IOException {
    List<Path> paths = requireFiles(path);
    List<CocoFile> files = new ArrayList<>();
    for (Path f : paths) {
      files.add(CocoFile.read(f, mapper));
    }
    CocoClasses classes = CocoClasses.of(files);
    CocoLabels labels = new CocoLabels(spec.task(), classes, spec.kptShape(), report);
    long total = files.stream().mapToLong(f -> f.images().size()).sum();
    long done = 0;
    for (int fi = 0; fi < files.size(); fi++) {
      CocoFile file = files.get(fi);
      Path json = paths.get(fi);
      Split split = splitOf(json);
      Map<Long, List<CocoFile.Annotation>> byImage = new HashMap<>();
      for (CocoFile.Annotation a : file.annotations()) {
        byImage.computeIfAbsent(a.imageId(), k -> new ArrayList<>()).add(a);
      }
      for (CocoFile.Image image : file.images()) {
        monitor.checkCancelled();
        monitor.progress(done++, total, "Reading " + json.getFileName());
        Path found = locate(json, image.fileName(), split);
        if (found == null) {
          report.problem(ImportProblem.MISSING_IMAGE, json.getFileName() + ": " + image.fileName());
          report.skipped(1);
          continue;
        }
        List<String> problems = new ArrayList<>();
        String where = json.getFileName() + " image " + image.id() + " (" + image.fileName() + ")";
        var list = labels.of(image, byImage.getOrDefault(image.id(), List.of()), where, problems);
        out.accept(new ImportItem(baseName(image.fileName()), split, found, null, image.width(),
            image.height(), list, problems));
      }
    }
    monitor.progress(done, total, "Read COCO");
  }

  /** Split from a file name: {@code instances_val2017} is val, a name with test is test, else train. */
  static Split splitOf(Path json) {
    String n = json.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.contains("val")) {
      return Split.VAL;
    }
    return n.contains("test") ? Split.TEST : Split.TRAIN;
  }

  static Path locate(Path json, String fileName, Split split) {
    Path dir = json.toAbsolutePath().getParent();
    Path root = dir.getParent() != null && dir.getFileName().toString().equalsIgnoreCase("annotations")
        ? dir.getParent() : dir;
    String fn = fileName.replace('\\', '/');
    String base = baseName(fn);
    Set<Path> candidates = new LinkedHashSet<>();
    for (Path d : List.of(dir, root)) {
      candidates.add(d.resolve(fn));
      candidates.add(d.resolve("images").resolve(fn));
      candidates.add(d.resolve("images").resolve(split.apiName()).resolve(base));
    }
    if (dir.getParent() != null) {
      candidates.add(dir.getParent().resolve("images").resolve(fn));
    }
    candidates.add(dir.resolve(base));
    for (Path p : candidates) {
      Path n = p.normalize();
      if (n.startsWith(root.getParent() == null ? root : root.getParent()) && Files.isRegularFile(n)) {
        return n;
      }
    }
    return null;
  }

  private static String baseName(String f) {
    String s = f.replace('\\', '/');
    return s.substring(s.lastIndexOf('/') + 1);
  }

  private static List<Path> requireFiles(Path path) throws IOException {
    List<Path> files = jsonFiles(path);
    if (files.isEmpty()) {
      throw new IOException(path + " is not a COCO .json file nor a folder holding one");
    }
    return files;
  }

  /** The json file itself, else annotations/*.json, else the folder's *.json files, sorted. */
  static List<Path> jsonFiles(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? List.of(path) : List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of();
    }
    Path annotations = path.resolve("annotations");
    List<Path> found = Files.isDirectory(annotations) ? list(annotations) : List.of();
    return found.isEmpty() ? list(path) : found;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
          .sorted()
          .toList();
    }
  }
}
