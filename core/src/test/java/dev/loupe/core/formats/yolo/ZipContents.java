package dev.loupe.core.formats.yolo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Test helper: unpacks a zip and tells each entry's compression method. */
final class ZipContents {
  private ZipContents() {}

  static void unzip(Path zip, Path dir) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        Path target = dir.resolve(e.getName()).normalize();
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file.getInputStream(e), target);
        }
      }
    }
  }

  static Map<String, Integer> methods(Path zip) throws IOException {
    Map<String, Integer> methods = new LinkedHashMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      file.stream().forEach(e -> methods.put(e.getName(), e.getMethod()));
    }
    return methods;
  }
}
