package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads YOLO detect, segment, pose and obb datasets: an Ultralytics data.yaml (or the folder holding
 * it), a LabelImg folder (classes.txt, images/, labels/) or a darknet / CVAT "YOLO 1.1" export
 * (obj.data). Bad rows and files are reported and skipped; only input that is not YOLO throws.
 */
public final class YoloReader implements DatasetReader {
  private static final int PROGRESS_EVERY = 25;
  /** At most this many characters of label text are kept from the task guess for the import. */
  private static final long KEPT_TEXT_LIMIT = 32L << 20;

  private final Task forcedTask;
  /**
   * Label texts the task guess read, kept so that the import that follows reads each file once
   * (the guess may read every label file: box rows never settle it, a polygon row may come last).
   */
  private final Map<Path, String> keptTexts = new HashMap<>();
  private long keptChars;

  /** @param forcedTask the task to read rows as, or null to infer it (kpt_shape, then row shapes) */
  public YoloReader(Task forcedTask) {
    if (forcedTask == Task.CLASSIFY || forcedTask == Task.SEMANTIC) {
      throw new IllegalArgumentException(
          "the YOLO reader reads detect, segment, pose and obb, not " + forcedTask.apiName());
    }
    this.forcedTask = forcedTask;
  }

  @Override
  public String formatName() {
    return "yolo";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
      return ((name.endsWith(".yaml") || name.endsWith(".yml")) && YoloLayout.looksLikeDataYaml(path))
          || name.equals("obj.data");
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    return YoloLayout.findYaml(path) != null
        || DarknetLayout.find(path) != null
        || Files.isRegularFile(path.resolve("classes.txt"))
        || (Files.isDirectory(path.resolve("images")) && Files.isDirectory(path.resolve("labels")));
  }

  @Override
  public DatasetSpec readSpec(Path path, ImportReport report) throws IOException {
    YoloLayout layout = YoloLayout.of(path);
    layout.notes().forEach(note -> report.problem(ImportProblem.OTHER, note));
    Task task = forcedTask;
    if (task == null && layout.kptShape() != null) {
      task = Task.POSE;
    }
    if (task == Task.POSE && layout.kptShape() == null) {
      throw new IllegalArgumentException(
          path + ": a pose dataset needs kpt_shape in its data.yaml");
    }
    List<String> names = layout.names();
    if (task == null || names.isEmpty()) {
      TaskGuess guess = guess(YoloListing.of(layout), names.isEmpty());
      task = task == null ? guess.task() : task;
      if (names.isEmpty()) {
        names = new ArrayList<>();
        for (int i = 0; i <= guess.maxClassId(); i++) {
          names.add("class_" + i);
        }
      }
    }
    return new DatasetSpec(
        layout.name(), null, task, names, layout.kptShape(), layout.flipIdx(), layout.extra());
  }

  /** Reads label rows until the task is settled, or all of them when class ids are wanted. */
  private TaskGuess guess(YoloListing listing, boolean wantClassIds) throws IOException {
    TaskGuess guess = new TaskGuess();
    List<Path> files = new ArrayList<>();
    listing.images().forEach(e -> files.add(e.labelFile()));
    files.addAll(listing.orphanLabels());
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        String text = readText(file);
        if (keptChars + text.length() <= KEPT_TEXT_LIMIT) {
          keptTexts.put(file, text);
          keptChars += text.length();
        }
        guess.addFile(text);
        if (guess.settled() && !wantClassIds) {
          break;
        }
      }
    }
    return guess;
  }

  @Override
  public void readItems(
      Path path, DatasetSpec spec, ImportReport report, Consumer<ImportItem> out, TaskMonitor monitor)
      throws IOException {
    YoloLayout layout = YoloLayout.of(path);
    YoloListing listing = YoloListing.of(layout);
    listing.notes().forEach(note -> report.problem(ImportProblem.OTHER, note));
    LabelFileParser parser =
        new LabelFileParser(spec.task(), spec.kptShape(), spec.classNames().size());
    Path root = layout.root();
    long total = listing.images().size();
    long done = 0;
    for (YoloListing.Entry entry : listing.images()) {
      monitor.checkCancelled();
      if (done++ % PROGRESS_EVERY == 0) {
        monitor.progress(done - 1, total, "Reading " + YoloListing.relative(root, entry.image()));
      }
      if (!entry.present()) {
        report.problem(ImportProblem.MISSING_IMAGE, YoloListing.relative(root, entry.image()));
        report.skipped(1);
        continue;
      }
      out.accept(item(entry, parser, root, report));
    }
    for (Path orphan : listing.orphanLabels()) {
      report.problem(ImportProblem.LABEL_WITHOUT_IMAGE, YoloListing.relative(root, orphan));
    }
    keptTexts.clear();
    keptChars = 0;
    monitor.progress(total, total, "Read " + total + " images");
  }

  private ImportItem item(YoloListing.Entry entry, LabelFileParser parser, Path root, ImportReport report)
      throws IOException {
    String filename = entry.image().getFileName().toString();
    String text = keptTexts.remove(entry.labelFile());
    if (text == null) {
      if (!Files.isRegularFile(entry.labelFile())) {
        return ImportItem.of(filename, entry.split(), entry.image(), List.of(), List.of());
      }
      text = readText(entry.labelFile());
    }
    LabelFileParser.Result result = parser.parse(text, YoloListing.relative(root, entry.labelFile()));
    List<String> problems = new ArrayList<>();
    for (LabelFileParser.Finding f : result.findings()) {
      report.problem(f.kind(), f.where());
      problems.add(f.text());
    }
    return ImportItem.of(filename, entry.split(), entry.image(), result.labels(), problems);
  }

  /** A label file's text; numbers are ASCII, anything else is only quoted in problem texts. */
  private static String readText(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
