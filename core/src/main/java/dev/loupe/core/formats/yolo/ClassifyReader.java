package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads an Ultralytics classify dataset: {@code root/<split>/<class>/<image>}, splits train, val
 * (also valid, validation) and test. Class names are the sorted class folder names (Ultralytics
 * takes them from train; folders only other splits have are added, sorted with the rest).
 */
public final class ClassifyReader implements DatasetReader {
  @Override
  public String formatName() {
    return "classify";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    if (!Files.isDirectory(path) || YoloLayout.findYaml(path) != null
        || Files.isDirectory(path.resolve("labels"))) {
      return false;
    }
    Path train = path.resolve("train");
    if (!Files.isDirectory(train)) {
      return false;
    }
    try (Stream<Path> subs = Files.list(train)) {
      return subs.anyMatch(Files::isDirectory);
    }
  }

  @Override
  public DatasetSpec readSpec(Path path, ImportReport report) throws IOException {
    Map<Split, List<Path>> splits = splitFolders(path);
    if (splits.isEmpty()) {
      throw new IllegalArgumentException(
          path + " is not a classify dataset: it has no train, val or test folder");
    }
    TreeSet<String> names = new TreeSet<>();
    for (List<Path> dirs : splits.values()) {
      for (Path dir : dirs) {
        names.addAll(classFolders(dir));
      }
    }
    return new DatasetSpec(
        ImageFiles.folderName(path.toAbsolutePath().normalize()),
        null,
        Task.CLASSIFY,
        new ArrayList<>(names),
        null,
        null,
        Map.of());
  }

  @Override
  public void readItems(
      Path path, DatasetSpec spec, ImportReport report, Consumer<ImportItem> out, TaskMonitor monitor)
      throws IOException {
    List<ImportItem> items = new ArrayList<>();
    for (Map.Entry<Split, List<Path>> split : splitFolders(path).entrySet()) {
      for (Path dir : split.getValue()) {
        collect(dir, split.getKey(), spec.classNames(), report, items);
      }
    }
    long done = 0;
    for (ImportItem item : items) {
      monitor.checkCancelled();
      monitor.progress(done++, items.size(), "Reading " + item.filename());
      out.accept(item);
    }
    monitor.progress(items.size(), items.size(), "Read " + items.size() + " images");
  }

  private static void collect(
      Path splitDir, Split split, List<String> names, ImportReport report, List<ImportItem> items)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(splitDir)) {
      files = walk.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
    }
    for (Path file : files) {
      Path relative = splitDir.relativize(file);
      if (relative.getNameCount() < 2) {
        report.problem(ImportProblem.OTHER, "image outside a class folder: " + split.apiName()
            + "/" + relative);
        report.skipped(1);
        continue;
      }
      int classId = names.indexOf(relative.getName(0).toString());
      items.add(
          ImportItem.of(
              file.getFileName().toString(),
              split,
              file,
              List.of(new ClassLabel(classId)),
              List.of()));
    }
  }

  /** The split folders under root, in split order (val may be called valid or validation). */
  private static Map<Split, List<Path>> splitFolders(Path root) throws IOException {
    Map<Split, List<Path>> splits = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(root + " is not a folder");
    }
    try (Stream<Path> subs = Files.list(root)) {
      for (Path dir : subs.filter(Files::isDirectory).sorted().toList()) {
        try {
          Split split = Split.parse(dir.getFileName().toString());
          splits.computeIfAbsent(split, s -> new ArrayList<>()).add(dir);
        } catch (IllegalArgumentException e) {
          // not a split folder
        }
      }
    }
    return splits;
  }

  private static List<String> classFolders(Path splitDir) throws IOException {
    try (Stream<Path> subs = Files.list(splitDir)) {
      return subs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
    }
  }
}
