package dev.loupe.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The uploads in progress, by session id, with their files in the workspace's tmp folder (emptied
 * when the workspace opens). Sessions past their expiry are dropped, with their files, when a new one
 * starts.
 */
final class UploadSessions {
  private final Path folder;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();

  UploadSessions(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  UploadSession start(String assetType, String assetId, String filename, long totalBytes, String split,
      java.time.Instant expiresAt) throws IOException {
    sweep();
    Files.createDirectories(folder);
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = "upl_" + HexFormat.of().formatHex(bytes);
    Path file = folder.resolve(id + extension(filename));
    UploadSession s = new UploadSession(id, assetType, assetId, filename, totalBytes, split, file, expiresAt);
    sessions.put(id, s);
    return s;
  }

  Optional<UploadSession> find(String id) {
    UploadSession s = id == null ? null : sessions.get(id);
    return s == null || clock.instant().isAfter(s.expiresAt) ? Optional.empty() : Optional.of(s);
  }

  /**
   * Deletes a session's file once its bytes are filed; the session stays until it expires, so a
   * repeated complete or ingest (a client that lost the first answer) gets the same answer again.
   */
  void release(UploadSession s) throws IOException {
    Files.deleteIfExists(s.file);
  }

  private void sweep() throws IOException {
    for (UploadSession s : sessions.values()) {
      if (clock.instant().isAfter(s.expiresAt)) {
        sessions.remove(s.id);
        release(s);
      }
    }
  }

  /** The file name's extension when it is a plain one ({@code .zip}, {@code .tar.gz}, {@code .onnx}); else none. */
  static String extension(String filename) {
    String lower = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".tar.gz")) {
      return ".tar.gz";
    }
    int dot = lower.lastIndexOf('.');
    String ext = dot < 0 ? "" : lower.substring(dot);
    return ext.matches("\\.[a-z0-9]{1,10}") ? ext : "";
  }
}
