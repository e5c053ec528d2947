package dev.loupe.app.gui.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.labeling.session.Proposal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The predictions of a dataset still to be reviewed, per image, with their confidence: what an
 * auto-annotation run wrote (and pre-labels left pending when the labeling view closed). The labels
 * themselves are in the label store like any other; this only remembers which of them a model made
 * and how sure it was, so the labeling view can draw them apart until they are accepted. One JSON file
 * per dataset, {@code <workspace>/reviews/<dataset id>.json}; a missing or broken file means nothing
 * to review (the labels stay, as ordinary ones).
 *
 * <pre>
 * {"images": {"HASH": [{"class": 2, "values": [0.5, 0.5, 0.2, 0.1], "confidence": 0.87}, ...]}}
 * </pre>
 */
public final class ReviewStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;

  public ReviewStore(Path folder) {
    this.folder = folder;
  }

  /** Every image of the dataset with predictions to review. */
  public Map<String, List<Proposal>> pending(Dataset dataset) {
    Path file = file(dataset.id());
    Map<String, List<Proposal>> found = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return found;
    }
    try {
      JSON.readTree(file.toFile()).path("images").fields().forEachRemaining(image -> {
        List<Proposal> proposals = new ArrayList<>();
        for (JsonNode p : image.getValue()) {
          Label label = label(dataset, p);
          if (label != null) {
            proposals.add(new Proposal(label, p.path("confidence").asDouble(Double.NaN)));
          }
        }
        if (!proposals.isEmpty()) {
          found.put(image.getKey(), proposals);
        }
      });
    } catch (IOException e) {
      return new LinkedHashMap<>(); // unreadable: nothing to review, as documented
    }
    return found;
  }

  private static Label label(Dataset dataset, JsonNode p) {
    JsonNode values = p.path("values");
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i).asDouble();
    }
    try {
      return YoloRows.parse(dataset.task(), dataset.kptShape(), p.path("class").asInt(-1), v);
    } catch (IllegalArgumentException e) {
      return null; // a row the dataset no longer takes (its task or keypoints changed): nothing to review
    }
  }

  /** Replaces what is to be reviewed of the given images (an empty list: nothing left) and writes the file. */
  public void update(Dataset dataset, Map<String, List<Proposal>> byImage) {
    if (byImage.isEmpty()) {
      return;
    }
    Map<String, List<Proposal>> all = pending(dataset);
    byImage.forEach((hash, proposals) -> {
      if (proposals.isEmpty()) {
        all.remove(hash);
      } else {
        all.put(hash, proposals);
      }
    });
    ObjectNode root = JSON.createObjectNode();
    ObjectNode images = root.putObject("images");
    all.forEach((hash, proposals) -> {
      ArrayNode array = images.putArray(hash);
      for (Proposal proposal : proposals) {
        ObjectNode p = array.addObject();
        p.put("class", proposal.label().classId());
        ArrayNode values = p.putArray("values");
        for (double d : YoloRows.values(proposal.label())) {
          values.add(d);
        }
        p.put("confidence", proposal.confidence());
      }
    });
    write(file(dataset.id()), root);
  }

  /**
   * The order a review walks images in: the least confident prediction of each image first (images
   * whose confidences are unknown last), ties in the order given.
   */
  public static List<String> queue(Map<String, List<Proposal>> byImage) {
    List<Map.Entry<String, List<Proposal>>> images = new ArrayList<>();
    for (Map.Entry<String, List<Proposal>> e : byImage.entrySet()) {
      if (!e.getValue().isEmpty()) {
        images.add(e);
      }
    }
    images.sort(Comparator.comparingDouble(e -> lowest(e.getValue())));
    return images.stream().map(Map.Entry::getKey).toList();
  }

  private static double lowest(List<Proposal> proposals) {
    double lowest = Double.POSITIVE_INFINITY;
    for (Proposal p : proposals) {
      if (!Double.isNaN(p.confidence())) {
        lowest = Math.min(lowest, p.confidence());
      }
    }
    return lowest;
  }

  private Path file(String datasetId) {
    return folder.resolve(datasetId + ".json");
  }

  private static void write(Path file, ObjectNode root) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "review", ".tmp");
      try {
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the predictions to review to " + file + ": " + e.getMessage(), e);
    }
  }
}
