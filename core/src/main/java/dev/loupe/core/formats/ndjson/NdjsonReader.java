package dev.loupe.core.formats.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads an Ultralytics NDJSON dataset: a {@code .ndjson}/{@code .jsonl} file, or a folder holding
 * exactly one, whose first line is the dataset header and every further line one image. Image files
 * are looked for beside the file; an absent one gives an item without image but with its URL and
 * stated size, so that the workspace can fetch it later.
 */
public final class NdjsonReader implements DatasetReader {
  private static final int PROGRESS_EVERY = 1000;

  private final ObjectMapper mapper = new ObjectMapper();
  private final Function<String, Path> byHash;

  public NdjsonReader() {
    this(null);
  }

  /**
   * A reader that looks an image up by the {@code hash} its record carries (Loupe's version
   * snapshots) before looking beside the file.
   */
  public NdjsonReader(Function<String, Path> byHash) {
    this.byHash = byHash;
  }

  @Override
  public String formatName() {
    return "ndjson";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    Path file = findFile(path);
    if (file == null) {
      return false;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      return first != null && first.contains("\"dataset\"") && first.contains("\"type\"");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public DatasetSpec readSpec(Path path, ImportReport report) throws IOException {
    return readHeader(path).spec();
  }

  /** The header line with the version and URL that {@link DatasetSpec} has no place for. */
  public NdjsonHeader readHeader(Path path) throws IOException {
    Path file = requireFile(path);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        throw new IOException(file + " is empty");
      }
      return NdjsonHeader.parse(first, mapper);
    }
  }

  @Override
  public void readItems(
      Path path, DatasetSpec spec, ImportReport report, Consumer<ImportItem> out, TaskMonitor monitor)
      throws IOException {
    Path file = requireFile(path);
    Path dir = file.toAbsolutePath().getParent();
    String fileName = file.getFileName().toString();
    NdjsonAnnotations annotations = new NdjsonAnnotations(spec);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.readLine();
      int lineNo = 1;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo % PROGRESS_EVERY == 0) {
          monitor.checkCancelled();
          monitor.progress(lineNo - 1, -1, "Reading " + fileName);
        }
        if (line.isBlank()) {
          continue;
        }
        NdjsonAnnotations.Place place = new NdjsonAnnotations.Place(fileName, lineNo, null, 0);
        ImportItem item = readLine(line, place, dir, annotations, report);
        if (item != null) {
          out.accept(item);
        }
      }
      monitor.progress(lineNo - 1, lineNo - 1, "Read " + fileName);
    }
  }

  private ImportItem readLine(
      String line, NdjsonAnnotations.Place place, Path dir, NdjsonAnnotations annotations,
      ImportReport report) {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (IOException e) {
      report.problem(ImportProblem.BAD_RECORD, place + ": not JSON");
      return null;
    }
    if (node == null || !node.isObject() || !"image".equals(node.path("type").asText())) {
      String type = node != null && node.isObject() ? node.path("type").asText("") : "";
      report.problem(ImportProblem.BAD_RECORD, place + ": not an image record (type '" + type + "')");
      return null;
    }
    String file = node.path("file").asText("");
    String name = baseName(file);
    if (name.isEmpty()) {
      report.problem(ImportProblem.BAD_RECORD, place + ": image record without 'file'");
      return null;
    }
    List<String> problems = new ArrayList<>();
    Split split = Split.TRAIN;
    JsonNode splitNode = node.get("split");
    if (splitNode != null && !splitNode.isNull()) {
      try {
        split = Split.parse(splitNode.asText());
      } catch (IllegalArgumentException e) {
        report.problem(ImportProblem.OTHER, place.toString());
        problems.add(place + ": " + e.getMessage() + ", taken as train");
      }
    }
    int width = node.path("width").asInt(0);
    int height = node.path("height").asInt(0);
    String url = node.hasNonNull("url") ? node.get("url").asText() : null;
    List<Label> labels = annotations.read(node.get("annotations"), place, width, height, report, problems);
    Path image = null;
    if (byHash != null && node.hasNonNull("hash")) {
      Path stored = byHash.apply(node.get("hash").asText());
      image = stored != null && Files.isRegularFile(stored) ? stored : null;
    }
    if (image == null) {
      image = locate(dir, file, split);
    }
    if (image == null && url == null) {
      report.problem(ImportProblem.MISSING_IMAGE, place + ": " + file);
      problems.add(place + ": image " + file + " is absent and has no url");
    }
    return new ImportItem(name, split, image, url, width, height, labels, problems);
  }

  /** The image beside the NDJSON file, in the places exports put it; null when absent. */
  static Path locate(Path dir, String file, Split split) {
    String s = split.apiName();
    String[] candidates = {file, "images/" + s + "/" + file, s + "/" + file, "images/" + file};
    for (String candidate : candidates) {
      Path p = dir.resolve(candidate).normalize();
      if (p.startsWith(dir) && Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static String baseName(String file) {
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  private static Path requireFile(Path path) throws IOException {
    Path file = findFile(path);
    if (file == null) {
      throw new IOException(path + " is not an .ndjson/.jsonl file nor a folder holding exactly one");
    }
    return file;
  }

  /** The NDJSON file itself, or the only one in a folder; null otherwise. */
  static Path findFile(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return isNdjsonName(path) ? path : null;
    }
    if (!Files.isDirectory(path)) {
      return null;
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> found = files.filter(Files::isRegularFile).filter(NdjsonReader::isNdjsonName).toList();
      return found.size() == 1 ? found.get(0) : null;
    }
  }

  private static boolean isNdjsonName(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".ndjson") || n.endsWith(".jsonl");
  }
}
