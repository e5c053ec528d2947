package dev.loupe.core.formats.yolo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Which files Ultralytics treats as images, and where YOLO expects each image's label file. */
final class ImageFiles {
  /** Ultralytics' IMG_FORMATS, compared case-insensitively ({@code .PNG} is an image). */
  static final Set<String> SUFFIXES =
      Set.of("bmp", "dng", "jpeg", "jpg", "mpo", "png", "tif", "tiff", "webp", "pfm", "heic");

  private ImageFiles() {}

  /** A folder's own name, or "dataset" for a root that has none (the root of a ZIP read in place). */
  static String folderName(Path dir) {
    Path name = dir.getFileName();
    return name == null ? "dataset" : name.toString().replaceAll("/+$", "");
  }

  static boolean isImage(Path file) {
    return SUFFIXES.contains(suffix(file.getFileName().toString()));
  }

  /** The lower-case extension without the dot, or "" when there is none. */
  static String suffix(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The name without its extension. */
  static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  /**
   * The label file of an image, as Ultralytics finds it: the last {@code images} folder of the path
   * becomes {@code labels} and the extension {@code .txt}. Without an {@code images} folder the label
   * lies beside the image (darknet / YOLO 1.1 layout).
   */
  static Path labelFileOf(Path image) {
    Path dir = labelDirOf(image.toAbsolutePath().getParent());
    return dir.resolve(stem(image.getFileName().toString()) + ".txt");
  }

  /** The folder holding the labels of the images in {@code imageDir}. */
  static Path labelDirOf(Path imageDir) {
    Path dir = imageDir.toAbsolutePath().normalize();
    int last = -1;
    for (int i = 0; i < dir.getNameCount(); i++) {
      if (dir.getName(i).toString().equals("images")) {
        last = i;
      }
    }
    if (last < 0) {
      return dir;
    }
    Path result = dir.getRoot().resolve(last == 0 ? "labels" : dir.subpath(0, last) + "/labels");
    if (last + 1 < dir.getNameCount()) {
      result = result.resolve(dir.subpath(last + 1, dir.getNameCount()).toString());
    }
    return result;
  }
}
