package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A YOLO folder without data.yaml, as LabelImg and hand-made datasets leave it: class names in
 * {@code classes.txt} (at the top, else the first one under {@code labels/}), images in
 * {@code images/<split>/} or {@code images/}, or beside their labels in the folder itself.
 */
final class LabelImgLayout {
  private LabelImgLayout() {}

  static YoloLayout read(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    Path classes = classesFile(dir);
    if (classes != null) {
      names.addAll(ClassNamesFile.read(classes).names());
    }
    List<YoloLayout.Source> sources = new ArrayList<>();
    Path images = dir.resolve("images");
    TreeSet<Split> splits = new TreeSet<>();
    splits.addAll(splitFolders(images));
    splits.addAll(splitFolders(dir.resolve("labels")));
    if (!splits.isEmpty()) {
      for (Split split : splits) {
        sources.add(new YoloLayout.Source(split, splitDir(images, split), List.of(dir)));
      }
    } else if (Files.isDirectory(images) || Files.isDirectory(dir.resolve("labels"))) {
      sources.add(new YoloLayout.Source(Split.TRAIN, images, List.of(dir)));
    } else {
      sources.add(new YoloLayout.Source(Split.TRAIN, dir, List.of(dir)));
    }
    return new YoloLayout(
        dir, ImageFiles.folderName(dir), sources, names, null, null, Map.of(), List.of());
  }

  private static Path classesFile(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("classes.txt"))) {
      return dir.resolve("classes.txt");
    }
    for (String folder : List.of("labels", "images")) {
      Path sub = dir.resolve(folder);
      if (Files.isDirectory(sub)) {
        try (Stream<Path> files = Files.walk(sub, 2)) {
          Path found =
              files
                  .filter(p -> p.getFileName().toString().equalsIgnoreCase("classes.txt"))
                  .sorted()
                  .findFirst()
                  .orElse(null);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static List<Split> splitFolders(Path dir) throws IOException {
    List<Split> splits = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return splits;
    }
    try (Stream<Path> subs = Files.list(dir)) {
      for (Path sub : subs.filter(Files::isDirectory).toList()) {
        try {
          splits.add(Split.parse(sub.getFileName().toString()));
        } catch (IllegalArgumentException e) {
          // not a split folder
        }
      }
    }
    return splits;
  }

  /** images/<split> under the name the dataset uses (val, valid or validation). */
  private static Path splitDir(Path images, Split split) {
    for (String name : List.of(split.apiName(), "valid", "validation")) {
      if (Files.isDirectory(images.resolve(name))
          || Files.isDirectory(images.resolveSibling("labels").resolve(name))) {
        if (name.equals(split.apiName()) || split == Split.VAL) {
          return images.resolve(name);
        }
      }
    }
    return images.resolve(split.apiName());
  }
}
