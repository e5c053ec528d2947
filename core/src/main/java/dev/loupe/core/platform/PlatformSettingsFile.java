package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Loupe's platform settings ({@code platform.json}: {@code {"apiKey": "ul_...", "url": "..."}}),
 * written by {@code loupe platform login}. The file is readable by its owner only: POSIX mode 600 in
 * a folder of mode 700, or on Windows an ACL with only the owner. It is written whole to a new file
 * made with those rights and moved in place, so it is never readable by others, even half-written.
 */
public final class PlatformSettingsFile {
  private final Path file;

  public PlatformSettingsFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** What the file holds; both fields null when it does not exist. */
  public record Settings(String apiKeyText, String url) {
    /** The stored key, validated. */
    public ApiKey apiKey() {
      return apiKeyText == null ? null : ApiKey.parse(apiKeyText);
    }
  }

  /**
   * Reads the file.
   *
   * @throws IllegalArgumentException when it is not JSON (naming the file, not its content)
   */
  public Settings read() {
    JsonNode n = tree();
    return new Settings(text(n.path("apiKey")), text(n.path("url")));
  }

  /** Stores {@code key} (keeping the rest of the file). */
  public void saveKey(ApiKey key) {
    ObjectNode n = tree();
    n.put("apiKey", key.reveal());
    write(n);
  }

  /** Stores the platform URL; null removes it. */
  public void saveUrl(String url) {
    ObjectNode n = tree();
    if (url == null) {
      n.remove("url");
    } else {
      n.put("url", url);
    }
    write(n);
  }

  /** Removes the key; the file goes when nothing else is left. Returns whether there was a key. */
  public boolean clearKey() {
    if (!Files.exists(file)) {
      return false;
    }
    ObjectNode n = tree();
    boolean had = n.remove("apiKey") != null;
    try {
      if (n.isEmpty()) {
        Files.deleteIfExists(file);
      } else if (had) {
        write(n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot change " + file + ": " + e.getMessage(), e);
    }
    return had;
  }

  private ObjectNode tree() {
    if (!Files.exists(file)) {
      return PlatformJson.MAPPER.createObjectNode();
    }
    try {
      JsonNode n = PlatformJson.MAPPER.readTree(Files.readAllBytes(file));
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(file + " is not a JSON object; remove it and run 'loupe platform login' again");
      }
      return (ObjectNode) n;
    } catch (IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        throw new IllegalArgumentException(file + " is not valid JSON; remove it and run 'loupe platform login' again", e);
      }
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode n) {
    Path dir = file.toAbsolutePath().getParent();
    Path part = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      createPrivateDirectories(dir);
      createPrivateFile(part);
      try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(PlatformJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n)));
        ch.force(true);
      }
      try {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(part);
      } catch (IOException ignored) {
        // a leftover .part holds the same owner-only content; the next write replaces the file anyway
      }
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (posix(dir.getRoot() == null ? dir.toAbsolutePath() : dir.getRoot())) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  private static void createPrivateFile(Path part) throws IOException {
    if (posix(part.getParent())) {
      Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      // the umask can only take rights away, but say it plainly
      Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
      return;
    }
    Files.createFile(part);
    AclFileAttributeView acl = Files.getFileAttributeView(part, AclFileAttributeView.class);
    if (acl != null) {
      UserPrincipal owner = Files.getOwner(part);
      acl.setAcl(List.of(AclEntry.newBuilder()
          .setType(AclEntryType.ALLOW)
          .setPrincipal(owner)
          .setPermissions(EnumSet.allOf(AclEntryPermission.class))
          .build()));
    }
  }

  private static boolean posix(Path onStore) {
    return onStore != null && Files.getFileAttributeView(onStore, PosixFileAttributeView.class) != null;
  }

  private static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }
}
