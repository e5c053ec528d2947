package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every image a layout names, in a stable order (split, then path), with its label file; and the
 * label files that belong to no image. An image named twice (a val list pointing at the train
 * folder) is kept once, in its first split.
 *
 * @param images the named images, present or not
 * @param orphanLabels label files no named image claims
 * @param notes listing problems (a list file or folder that is absent)
 */
record YoloListing(List<Entry> images, List<Path> orphanLabels, List<String> notes) {

  /** A named image: where it is (or would be), its label file, and whether the image exists. */
  record Entry(Split split, Path image, Path labelFile, boolean present) {}

  static YoloListing of(YoloLayout layout) throws IOException {
    List<String> notes = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Set<Path> labelDirs = new LinkedHashSet<>();
    Set<Path> listFiles = new HashSet<>();
    for (YoloLayout.Source source : layout.sources()) {
      Path p = source.path();
      String where = relative(layout.root(), p);
      if (Files.isDirectory(p)) {
        labelDirs.add(ImageFiles.labelDirOf(p));
        for (Path image : walkImages(p)) {
          entries.add(entry(source.split(), image));
        }
      } else if (Files.isRegularFile(p) && ImageFiles.isImage(p)) {
        entries.add(entry(source.split(), p));
      } else if (Files.isRegularFile(p)) {
        listFiles.add(p);
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          String text = line.strip();
          if (!text.isEmpty() && !text.startsWith("#")) {
            Path image =
                PathResolver.resolve(
                    source.bases(),
                    text,
                    c -> Files.exists(c) || Files.exists(ImageFiles.labelFileOf(c)));
            Entry e = entry(source.split(), image);
            entries.add(e);
            labelDirs.add(e.labelFile().getParent());
          }
        }
      } else {
        Path labels = ImageFiles.labelDirOf(p);
        if (Files.isDirectory(labels)) {
          labelDirs.add(labels);
        }
        notes.add(source.split().apiName() + " images " + where + " not found");
      }
    }
    entries = dedupe(entries);
    Set<Path> claimed = new HashSet<>();
    entries.forEach(e -> claimed.add(e.labelFile()));
    TreeSet<Path> orphans = new TreeSet<>();
    for (Path dir : labelDirs) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          files
              .filter(Files::isRegularFile)
              .filter(f -> isLabelFile(f) && !claimed.contains(f) && !listFiles.contains(f))
              .forEach(orphans::add);
        }
      }
    }
    return new YoloListing(entries, List.copyOf(orphans), notes);
  }

  private static Entry entry(Split split, Path image) {
    Path label = ImageFiles.labelFileOf(image);
    return new Entry(split, image, label, Files.isRegularFile(image));
  }

  private static List<Entry> dedupe(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing(Entry::split).thenComparing(e -> e.image().toString()));
    Set<Path> seen = new HashSet<>();
    List<Entry> result = new ArrayList<>();
    for (Entry e : sorted) {
      if (seen.add(e.image())) {
        result.add(e);
      }
    }
    return result;
  }

  private static List<Path> walkImages(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
    }
  }

  /** A .txt that is not a class list or a readme. */
  private static boolean isLabelFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") && !name.equals("classes.txt") && !name.startsWith("readme");
  }

  static String relative(Path root, Path p) {
    try {
      return root.relativize(p).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return p.toString();
    }
  }
}
