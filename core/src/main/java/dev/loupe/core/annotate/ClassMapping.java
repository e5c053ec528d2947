package dev.loupe.core.annotate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which dataset class each model class is, matched by name (exactly, then ignoring case and
 * surrounding spaces). Model classes the dataset lacks map to -1.
 */
public final class ClassMapping {
  private final List<String> modelNames;
  private final List<String> datasetNames;
  private final int[] modelToDataset;

  private ClassMapping(List<String> modelNames, List<String> datasetNames, int[] modelToDataset) {
    this.modelNames = List.copyOf(modelNames);
    this.datasetNames = List.copyOf(datasetNames);
    this.modelToDataset = modelToDataset;
  }

  public static ClassMapping byName(List<String> modelNames, List<String> datasetNames) {
    Map<String, Integer> exact = new HashMap<>();
    Map<String, Integer> loose = new HashMap<>();
    for (int i = 0; i < datasetNames.size(); i++) {
      exact.putIfAbsent(datasetNames.get(i), i);
      loose.putIfAbsent(normalize(datasetNames.get(i)), i);
    }
    int[] map = new int[modelNames.size()];
    for (int i = 0; i < map.length; i++) {
      String name = modelNames.get(i);
      Integer found = exact.get(name);
      if (found == null) {
        found = loose.get(normalize(name));
      }
      map[i] = found == null ? -1 : found;
    }
    return new ClassMapping(modelNames, datasetNames, map);
  }

  private static String normalize(String name) {
    return name.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** The dataset class of a model class, or -1 when the dataset has no class of that name. */
  public int datasetClass(int modelClass) {
    return modelClass >= 0 && modelClass < modelToDataset.length ? modelToDataset[modelClass] : -1;
  }

  /** The model class of a dataset class, or -1. */
  public int modelClass(int datasetClass) {
    for (int i = 0; i < modelToDataset.length; i++) {
      if (modelToDataset[i] == datasetClass) {
        return i;
      }
    }
    return -1;
  }

  public int matched() {
    return (int) Arrays.stream(modelToDataset).filter(d -> d >= 0).count();
  }

  /** Model classes that are not dataset classes. */
  public List<String> modelOnly() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < modelToDataset.length; i++) {
      if (modelToDataset[i] < 0) {
        names.add(modelNames.get(i));
      }
    }
    return names;
  }

  /** Dataset classes no model class matches. */
  public List<String> datasetOnly() {
    List<String> names = new ArrayList<>();
    for (int d = 0; d < datasetNames.size(); d++) {
      if (modelClass(d) < 0) {
        names.add(datasetNames.get(d));
      }
    }
    return names;
  }

  /** Same names in the same order. */
  public boolean identical() {
    return modelNames.equals(datasetNames);
  }

  /** A sentence on how the classes differ, or null when they are identical. */
  public String differences() {
    if (identical()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    parts.add(matched() + " of the model's " + modelNames.size() + " classes match the dataset's "
        + datasetNames.size() + " by name");
    if (!modelOnly().isEmpty()) {
      parts.add("model only: " + sample(modelOnly()));
    }
    if (!datasetOnly().isEmpty()) {
      parts.add("dataset only: " + sample(datasetOnly()));
    }
    if (modelOnly().isEmpty() && datasetOnly().isEmpty()) {
      parts.add("in another order (matched by name)");
    }
    return String.join("; ", parts);
  }

  private static String sample(List<String> names) {
    return sample(names, 6);
  }

  /** The first {@code shown} names joined, and how many more there are. */
  public static String sample(List<String> names, int shown) {
    return names.size() <= shown
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
  }
}
