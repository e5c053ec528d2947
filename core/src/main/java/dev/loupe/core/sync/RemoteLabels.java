package dev.loupe.core.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.platform.remote.RemoteLabel;
import java.util.ArrayList;
import java.util.List;

/** Labels between Loupe and the platform's label shapes, classes matched by name. */
final class RemoteLabels {
  private RemoteLabels() {}

  /** The labels in the {@code PUT /labels} shape. */
  static List<RemoteLabel> toRemote(List<Label> labels) {
    List<RemoteLabel> out = new ArrayList<>(labels.size());
    for (Label label : labels) {
      try {
        out.add(ApiJson.MAPPER.treeToValue(ApiJson.label(label), RemoteLabel.class));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("a label did not convert: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The labels as a JSON label list (how a conflict keeps the remote side). */
  static String toJson(List<Label> labels) {
    ArrayNode list = ApiJson.MAPPER.createArrayNode();
    labels.forEach(l -> list.add(ApiJson.label(l)));
    return list.toString();
  }

  /** Reads a JSON label list written by {@link #toJson} for a dataset's task. */
  static List<Label> fromJson(String json, Dataset dataset) {
    try {
      JsonNode node = ApiJson.MAPPER.readTree(json);
      int dims = dataset.kptShape() == null ? 3 : dataset.kptShape().dims();
      return ApiJson.parseLabels(node, dataset.task(), dims);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("stored remote labels are not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The same labels with class ids of {@code to} instead of {@code from}, matched by name; a class
   * {@code to} lacks is a problem for the caller (null comes back).
   */
  static List<Label> remap(List<Label> labels, List<String> from, List<String> to) {
    if (from.equals(to)) {
      return labels;
    }
    List<Label> out = new ArrayList<>(labels.size());
    for (Label label : labels) {
      int id = label.classId();
      int target = id >= 0 && id < from.size() ? to.indexOf(from.get(id)) : -1;
      if (target < 0) {
        return null;
      }
      out.add(label.withClassId(target));
    }
    return out;
  }
}
