package dev.loupe.app.gui.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the labeling area remembers in a workspace: per dataset the model, confidence and IoU chosen
 * last for pre-labelling and the review threshold, and the size of the label text. A small JSON file
 * ({@code <workspace>/labeling-settings.json}) beside the keymap, not the database: it is the user's
 * view settings, not data, and a lost or broken file only brings the defaults back.
 *
 * <pre>
 * {"labelTextSize": 13, "datasets": {"ds_1": {"model": "m_1", "conf": 0.3, "iou": 0.7, "reviewThreshold": 0.5}}}
 * </pre>
 */
public final class LabelingSettings {
  /** The pre-labelling choices of one dataset (model null: none chosen yet). */
  public record DatasetChoice(String modelId, double conf, double iou, double reviewThreshold) {
    public static final DatasetChoice DEFAULTS = new DatasetChoice(null, 0.25, 0.7, 0.5);
  }

  public static final double DEFAULT_TEXT_SIZE = 13;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ObjectNode root;

  private LabelingSettings(Path file, ObjectNode root) {
    this.file = file;
    this.root = root;
  }

  /** Reads the settings; a missing or unreadable file gives the defaults (and is rewritten on the next change). */
  public static LabelingSettings load(Path file) {
    ObjectNode root = JSON.createObjectNode();
    if (Files.exists(file)) {
      try {
        JsonNode read = JSON.readTree(file.toFile());
        if (read instanceof ObjectNode object) {
          root = object;
        }
      } catch (IOException e) {
        // broken: the defaults, as documented
      }
    }
    return new LabelingSettings(file, root);
  }

  public DatasetChoice choice(String datasetId) {
    JsonNode node = root.path("datasets").path(datasetId);
    if (!node.isObject()) {
      return DatasetChoice.DEFAULTS;
    }
    DatasetChoice d = DatasetChoice.DEFAULTS;
    return new DatasetChoice(
        node.hasNonNull("model") ? node.get("model").asText() : null,
        fraction(node, "conf", d.conf()), fraction(node, "iou", d.iou()),
        fraction(node, "reviewThreshold", d.reviewThreshold()));
  }

  private static double fraction(JsonNode node, String field, double fallback) {
    double value = node.path(field).asDouble(fallback);
    return value >= 0 && value <= 1 ? value : fallback;
  }

  /** Remembers a dataset's choices and writes the file. */
  public void setChoice(String datasetId, DatasetChoice choice) {
    ObjectNode datasets = root.has("datasets") && root.get("datasets").isObject()
        ? (ObjectNode) root.get("datasets") : root.putObject("datasets");
    ObjectNode node = datasets.putObject(datasetId);
    if (choice.modelId() != null) {
      node.put("model", choice.modelId());
    }
    node.put("conf", choice.conf());
    node.put("iou", choice.iou());
    node.put("reviewThreshold", choice.reviewThreshold());
    save();
  }

  public double labelTextSize() {
    double size = root.path("labelTextSize").asDouble(DEFAULT_TEXT_SIZE);
    return size >= 6 && size <= 72 ? size : DEFAULT_TEXT_SIZE;
  }

  public void setLabelTextSize(double size) {
    root.put("labelTextSize", size);
    save();
  }

  /** Writes through a temporary file: a crash leaves the old settings or the new ones. */
  private void save() {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "labeling-settings", ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the labeling settings to " + file + ": " + e.getMessage(), e);
    }
  }
}
