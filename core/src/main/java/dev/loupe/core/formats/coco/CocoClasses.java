package dev.loupe.core.formats.coco;

import dev.loupe.core.domain.KptShape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * COCO categories as Loupe classes: in category id order, numbered 0..n-1 whatever the ids (gaps,
 * a start at 0 or 1). A {@code _background_} or {@code __ignore__} category that no annotation uses
 * is dropped, as labelme's converter adds it for its own bookkeeping.
 */
final class CocoClasses {
  private static final Set<String> PLACEHOLDERS = Set.of("_background_", "__ignore__", "background");

  final List<String> names = new ArrayList<>();
  final Map<Long, Integer> indexById = new HashMap<>();
  /** Keypoint names per class index, for pose categories. */
  final Map<Integer, List<String>> keypointNames = new TreeMap<>();
  KptShape kptShape;
  boolean anyPolygon;

  static CocoClasses of(List<CocoFile> files) {
    TreeMap<Long, CocoFile.Category> byId = new TreeMap<>();
    Set<Long> used = new HashSet<>();
    CocoClasses classes = new CocoClasses();
    for (CocoFile f : files) {
      f.categories().forEach(c -> byId.putIfAbsent(c.id(), c));
      for (CocoFile.Annotation a : f.annotations()) {
        used.add(a.categoryId());
        if (!a.crowd() && !a.polygons().isEmpty()) {
          classes.anyPolygon = true;
        }
      }
    }
    int k = 0;
    for (CocoFile.Category c : byId.values().stream().sorted(Comparator.comparingLong(CocoFile.Category::id)).toList()) {
      if (PLACEHOLDERS.contains(c.name().toLowerCase(Locale.ROOT)) && !used.contains(c.id())) {
        continue;
      }
      int index = classes.names.size();
      classes.indexById.put(c.id(), index);
      classes.names.add(c.name());
      if (c.keypoints() != null) {
        classes.keypointNames.put(index, c.keypoints());
        k = Math.max(k, c.keypoints().size());
      }
    }
    classes.kptShape = k > 0 ? new KptShape(k, 3) : null;
    return classes;
  }

  /** flip_idx from left/right name pairs (COCO's 17 person keypoints give Ultralytics' list), or null. */
  List<Integer> flipIdx() {
    if (kptShape == null || keypointNames.isEmpty()) {
      return null;
    }
    List<String> kp = keypointNames.values().iterator().next();
    if (kp.size() != kptShape.keypoints()) {
      return null;
    }
    List<Integer> flip = new ArrayList<>();
    boolean paired = false;
    for (int i = 0; i < kp.size(); i++) {
      String name = kp.get(i).toLowerCase(Locale.ROOT);
      String mirror = name.contains("left") ? name.replace("left", "right")
          : name.contains("right") ? name.replace("right", "left") : name;
      int j = i;
      for (int m = 0; m < kp.size(); m++) {
        if (!mirror.equals(name) && kp.get(m).toLowerCase(Locale.ROOT).equals(mirror)) {
          j = m;
          paired = true;
        }
      }
      flip.add(j);
    }
    return paired ? flip : null;
  }
}
