package dev.loupe.app.gui.classes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.labeling.ClassPalette;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The colours users picked for classes, one small JSON file per dataset under the workspace
 * ({@code settings/class-colors/<dataset id>.json}: {@code {"0": "#ff0000"}}), written atomically.
 * A colour is a view preference, not dataset content: it travels with no export and no sync.
 */
public final class ClassColorStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  public ClassColorStore(Path workspaceRoot) {
    this.dir = workspaceRoot.resolve("settings").resolve("class-colors");
  }

  /** The dataset's palette: defaults, with the saved overrides. An unreadable file gives defaults. */
  public ClassPalette palette(String datasetId) {
    ClassPalette palette = new ClassPalette();
    palette.loadOverrides(load(datasetId));
    return palette;
  }

  public Map<Integer, String> load(String datasetId) {
    Path file = file(datasetId);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<TreeMap<Integer, String>>() {});
    } catch (IOException e) {
      return Map.of(); // a damaged preference file falls back to the default colours
    }
  }

  public void save(String datasetId, ClassPalette palette) {
    Map<Integer, String> overrides = new TreeMap<>(palette.overridesAsHex());
    Path file = file(datasetId);
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, datasetId, ".tmp");
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), overrides);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save class colours: " + e.getMessage(), e);
    }
  }

  private Path file(String datasetId) {
    if (!datasetId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("not a dataset id: " + datasetId);
    }
    return dir.resolve(datasetId + ".json");
  }
}
