package dev.loupe.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns an archive entry's name into a safe relative path, or refuses it. */
final class EntryNames {
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

  private EntryNames() {}

  /**
   * The entry's path segments, relative to the target folder; empty for the root itself.
   * Backslashes count as separators, so Windows-made archives work and "..\\" tricks are caught.
   */
  static List<String> segments(String name) throws UnsafeArchiveException {
    if (name.indexOf('\0') >= 0) {
      throw refuse(name, "its name contains a NUL character");
    }
    String path = name.replace('\\', '/');
    if (path.startsWith("/")) {
      throw refuse(name, "it is an absolute path");
    }
    if (DRIVE.matcher(path).matches()) {
      throw refuse(name, "it names a drive");
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw refuse(name, "it points outside the target folder");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return segments;
  }

  /** macOS metadata that is no part of a dataset: __MACOSX/ folders and .DS_Store files. */
  static boolean isMacMetadata(List<String> segments) {
    return segments.contains("__MACOSX")
        || (!segments.isEmpty() && segments.get(segments.size() - 1).equals(".DS_Store"));
  }

  static UnsafeArchiveException refuse(String name, String reason) {
    return new UnsafeArchiveException("refused archive entry '" + name + "': " + reason);
  }
}
