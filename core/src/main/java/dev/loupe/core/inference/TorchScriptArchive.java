package dev.loupe.core.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads what Loupe needs from a TorchScript archive (a zip: {@code <name>/data.pkl},
 * {@code <name>/code/...}, {@code <name>/extra/...}) without loading it: whether it holds code, and
 * the metadata Ultralytics stores as the extra file {@code config.txt} (JSON).
 */
final class TorchScriptArchive {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CONFIG = 16 * 1024 * 1024;

  private TorchScriptArchive() {}

  static boolean isZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }
  }

  /** Whether the archive holds TorchScript code (a checkpoint saved by torch.save does not). */
  static boolean hasCode(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.contains("/code/") && name.endsWith(".py")) {
          return true;
        }
      }
      return false;
    } catch (java.util.zip.ZipException e) {
      return false; // a damaged zip: not TorchScript that could run
    }
  }

  /**
   * The entries of {@code extra/config.txt} as text: strings as they are, other JSON values
   * written back as JSON (which {@link PythonLiteral} reads).
   */
  static Map<String, String> metadata(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry config = null;
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().endsWith("/extra/config.txt")) {
          config = e;
          break;
        }
      }
      if (config == null) {
        throw new ModelLoadException(
            ModelLoader.name(file) + " has no Ultralytics metadata (extra/config.txt); export it with"
                + " `yolo export model=MODEL.pt format=torchscript`");
      }
      byte[] bytes;
      try (InputStream in = zip.getInputStream(config)) {
        bytes = in.readNBytes(MAX_CONFIG);
      }
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new ModelLoadException(ModelLoader.name(file) + ": extra/config.txt is not a JSON object");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode v = field.getValue();
        out.put(field.getKey(), v.isTextual() ? v.asText() : v.toString());
      }
      return out;
    }
  }
}
