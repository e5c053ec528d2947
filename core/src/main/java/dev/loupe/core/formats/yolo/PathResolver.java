package dev.loupe.core.formats.yolo;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the file a dataset names with a path written on another machine or relative to another
 * folder: {@code ../train/images}, {@code data/images/x.png} (Datumaro's prefix), an absolute path
 * from the author's computer. Tries each base folder, then drops leading folders one by one.
 */
final class PathResolver {
  private PathResolver() {}

  /**
   * The first candidate for which {@code found} holds, trying {@code written} against each base and
   * then with its leading components stripped; the plain resolution against the first base when none
   * is found.
   */
  static Path resolve(List<Path> bases, String written, Predicate<Path> found) {
    String text = written.trim().replace('\\', '/');
    Path plain = plain(bases.get(0), text);
    if (plain != null && found.test(plain)) {
      return plain;
    }
    String[] parts = text.split("/+");
    for (int skip = 0; skip < parts.length; skip++) {
      String rest = String.join("/", java.util.Arrays.copyOfRange(parts, skip, parts.length));
      if (rest.isEmpty() || rest.equals(".") || rest.equals("..")) {
        continue;
      }
      for (Path base : bases) {
        Path candidate = plain(base, skip == 0 ? text : rest);
        if (candidate != null && found.test(candidate)) {
          return candidate;
        }
      }
    }
    return plain == null ? bases.get(0) : plain;
  }

  private static Path plain(Path base, String text) {
    try {
      Path p = base.getFileSystem().getPath(text);
      return (p.isAbsolute() ? p : base.resolve(p)).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
