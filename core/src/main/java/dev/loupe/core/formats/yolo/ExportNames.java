package dev.loupe.core.formats.yolo;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Gives each exported image a file name unique in its folder. Two images with the same name (or the
 * same stem, whose label files would clash) get a short suffix from their content hash:
 * {@code frame.jpg}, {@code frame_1a2b3c4d.jpg}. Compared case-insensitively, for Windows and macOS.
 */
final class ExportNames {
  private final Set<String> usedStems = new HashSet<>();

  /** A unique name in {@code folder} for an image called {@code filename} with content {@code hash}. */
  String unique(String folder, String filename, String hash) {
    String name = baseName(filename);
    String stem = ImageFiles.stem(name);
    String ext = name.substring(stem.length());
    String candidate = stem;
    String tag = hash == null ? "" : hash.replaceAll("[^A-Za-z0-9]", "");
    tag = tag.length() > 8 ? tag.substring(0, 8) : tag;
    if (!tag.isEmpty() && taken(folder, candidate)) {
      candidate = stem + "_" + tag;
    }
    for (int n = 2; taken(folder, candidate); n++) {
      candidate = stem + (tag.isEmpty() ? "" : "_" + tag) + "_" + n;
    }
    usedStems.add(key(folder, candidate));
    return candidate + ext;
  }

  private boolean taken(String folder, String stem) {
    return usedStems.contains(key(folder, stem));
  }

  private static String key(String folder, String stem) {
    return (folder + "/" + stem).toLowerCase(Locale.ROOT);
  }

  /** The file name without any folders; "image" when there is none. */
  static String baseName(String filename) {
    String name = filename == null ? "" : filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "image" : name;
  }
}
