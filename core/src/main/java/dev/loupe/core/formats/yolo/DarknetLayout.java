package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The darknet / CVAT "YOLO 1.1" layout: {@code obj.data} ({@code classes = N}, {@code train =
 * data/train.txt}, {@code names = data/obj.names}), image lists, and {@code obj_<subset>_data/}
 * folders holding images with their labels beside them. Paths in obj.data are relative to darknet's
 * working folder, so each is tried against obj.data's folder, the dataset folder and their parent,
 * with leading folders dropped ({@code data/} is often not a folder of the export).
 */
final class DarknetLayout {
  private DarknetLayout() {}

  /** obj.data in {@code dir} or one folder below it, or null. */
  static Path find(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("obj.data"))) {
      return dir.resolve("obj.data");
    }
    try (Stream<Path> subs = Files.list(dir)) {
      return subs.filter(Files::isDirectory)
          .sorted()
          .map(d -> d.resolve("obj.data"))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElse(null);
    }
  }

  static YoloLayout read(Path objData, Path datasetDir) throws IOException {
    Path objDir = objData.getParent();
    List<Path> bases = new ArrayList<>(List.of(objDir));
    if (!datasetDir.equals(objDir)) {
      bases.add(datasetDir);
    }
    if (objDir.getParent() != null && !bases.contains(objDir.getParent())) {
      bases.add(objDir.getParent());
    }
    List<String> notes = new ArrayList<>();
    List<YoloLayout.Source> sources = new ArrayList<>();
    int classes = -1;
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(objData, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(eq + 1).trim();
      switch (key) {
        case "classes" -> classes = parseInt(value, notes);
        case "names" -> {
          Path file = PathResolver.resolve(bases, value, Files::isRegularFile);
          if (Files.isRegularFile(file)) {
            names.addAll(ClassNamesFile.read(file).names());
          } else {
            notes.add("class names file " + value + " not found");
          }
        }
        case "train", "valid", "val", "validation", "test" ->
            sources.add(source(Split.parse(key), value, bases, datasetDir, notes));
        default -> {
          // backup, eval, results: darknet's own settings
        }
      }
    }
    if (names.isEmpty() && classes > 0) {
      for (int i = 0; i < classes; i++) {
        names.add("class_" + i);
      }
    } else if (classes >= 0 && classes != names.size()) {
      notes.add("classes is " + classes + " but the names file has " + names.size() + " names");
    }
    return new YoloLayout(
        datasetDir,
        ImageFiles.folderName(datasetDir),
        sources,
        names,
        null,
        null,
        Map.of(),
        notes);
  }

  /** The list file, or the obj_<subset>_data folder where the list was not shipped. */
  private static YoloLayout.Source source(
      Split split, String value, List<Path> bases, Path datasetDir, List<String> notes) {
    Path list = PathResolver.resolve(bases, value, Files::isRegularFile);
    if (Files.isRegularFile(list)) {
      return new YoloLayout.Source(split, list, List.of(list.getParent(), datasetDir));
    }
    Path written = datasetDir.getFileSystem().getPath(value.trim().replace('\\', '/'));
    String folder = "obj_" + ImageFiles.stem(ImageFiles.folderName(written)) + "_data";
    Path parent = written.getParent();
    String folderPath = parent == null ? folder : parent.resolve(folder).toString();
    Path dir = PathResolver.resolve(bases, folderPath, Files::isDirectory);
    notes.add(
        "image list "
            + value
            + " not found"
            + (Files.isDirectory(dir) ? "; reading folder " + datasetDir.relativize(dir) : ""));
    return new YoloLayout.Source(split, Files.isDirectory(dir) ? dir : list, List.of(datasetDir));
  }

  private static int parseInt(String value, List<String> notes) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      notes.add("classes = " + value + " is not a number");
      return -1;
    }
  }
}
