package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a YOLO dataset's images and classes are, whichever tool wrote it: an Ultralytics data.yaml,
 * a darknet / CVAT "YOLO 1.1" obj.data, or a LabelImg folder (classes.txt, images/, labels/).
 *
 * @param sources each split's folders, list files or images, resolved (they may be absent)
 * @param names class names; empty when the dataset does not say (then ids name them)
 * @param notes dataset-level problems to report
 */
record YoloLayout(
    Path root,
    String name,
    List<Source> sources,
    List<String> names,
    KptShape kptShape,
    List<Integer> flipIdx,
    Map<String, Object> extra,
    List<String> notes) {

  /** One entry of a split: a folder, a .txt list of images (entries resolved against bases) or an image. */
  record Source(Split split, Path path, List<Path> bases) {}

  private static final List<String> YAML_NAMES = List.of("data.yaml", "data.yml", "dataset.yaml");

  /** Finds the layout of {@code input}; throws IllegalArgumentException when it is not YOLO at all. */
  static YoloLayout of(Path input) throws IOException {
    Path in = input.toAbsolutePath().normalize();
    if (Files.isRegularFile(in)) {
      String file = in.getFileName().toString().toLowerCase(Locale.ROOT);
      if (file.endsWith(".yaml") || file.endsWith(".yml")) {
        return fromYaml(DataYaml.read(in));
      }
      if (file.endsWith(".data")) {
        return DarknetLayout.read(in, in.getParent());
      }
      throw new IllegalArgumentException(input + " is not a YOLO data.yaml or obj.data file");
    }
    if (!Files.isDirectory(in)) {
      throw new IllegalArgumentException(input + " does not exist");
    }
    Path yaml = findYaml(in);
    if (yaml != null) {
      return fromYaml(DataYaml.read(yaml));
    }
    Path objData = DarknetLayout.find(in);
    if (objData != null) {
      return DarknetLayout.read(objData, in);
    }
    if (Files.isRegularFile(in.resolve("classes.txt"))
        || Files.isDirectory(in.resolve("labels"))) {
      return LabelImgLayout.read(in);
    }
    throw new IllegalArgumentException(
        input + " is not a YOLO dataset: it has no data.yaml, obj.data, classes.txt or labels"
            + " folder");
  }

  /** The data.yaml in {@code dir}: data.yaml first, else the first *.yaml that reads as one. */
  static Path findYaml(Path dir) throws IOException {
    for (String name : YAML_NAMES) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    List<Path> yamls;
    try (Stream<Path> files = Files.list(dir)) {
      yamls =
          files
              .filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
              .sorted()
              .toList();
    }
    for (Path p : yamls) {
      if (looksLikeDataYaml(p)) {
        return p;
      }
    }
    return null;
  }

  /** Cheap: a top-level train, val, names or nc key among the first lines. */
  static boolean looksLikeDataYaml(Path file) throws IOException {
    byte[] head;
    try (var in = Files.newInputStream(file)) {
      head = in.readNBytes(64 * 1024);
    }
    String text = new String(head, StandardCharsets.UTF_8);
    return text.lines().anyMatch(l -> l.matches("(train|val|names|nc)\\s*:.*"));
  }

  private static YoloLayout fromYaml(DataYaml yaml) {
    Path yamlDir = yaml.file().getParent();
    List<Path> bases = yaml.root().equals(yamlDir) ? List.of(yamlDir) : List.of(yaml.root(), yamlDir);
    List<Source> sources = new ArrayList<>();
    yaml.splits()
        .forEach(
            (split, entries) -> {
              for (String entry : entries) {
                Path p =
                    PathResolver.resolve(
                        bases,
                        entry,
                        c -> Files.exists(c) || Files.isDirectory(ImageFiles.labelDirOf(c)));
                sources.add(new Source(split, p, List.of(p.getParent(), yaml.root())));
              }
            });
    String file = yaml.file().getFileName().toString();
    String name =
        YAML_NAMES.contains(file.toLowerCase(Locale.ROOT))
            ? ImageFiles.folderName(yamlDir)
            : ImageFiles.stem(file);
    return new YoloLayout(
        yaml.root(),
        name,
        sources,
        yaml.names(),
        yaml.kptShape(),
        yaml.flipIdx(),
        new LinkedHashMap<>(yaml.extra()),
        yaml.notes());
  }
}
