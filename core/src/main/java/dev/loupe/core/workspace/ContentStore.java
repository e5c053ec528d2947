package dev.loupe.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Image bytes, stored once per content under {@code blobs/ab/abcdef...} (the sha-256 in hex), shared
 * by every dataset holding them. Files are written to a temporary name and moved into place, so a
 * file under its hash is always complete.
 */
public final class ContentStore {
  private final Path root;
  private final Path tmp;
  /** The two-letter folders known to exist (creating them is a syscall per image otherwise). */
  private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicLong tempCount = new java.util.concurrent.atomic.AtomicLong();
  /** Files an operation in progress relies on (an import that found them already stored), with counts. */
  private final java.util.Map<String, Integer> pins = new java.util.HashMap<>();

  ContentStore(Path root, Path tmp) throws IOException {
    this.root = Files.createDirectories(root);
    this.tmp = Files.createDirectories(tmp);
  }

  /** Where the bytes of {@code hash} are (or would be). */
  public Path path(String hash) {
    return root.resolve(hash.substring(0, 2)).resolve(hash);
  }

  public boolean contains(String hash) {
    return Files.exists(path(hash));
  }

  /** The sha-256 of a file, in lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  /**
   * Stores {@code bytes} under their hash unless already there.
   *
   * @return the hash
   */
  public String put(byte[] bytes) throws IOException {
    String hash = sha256(bytes);
    putNew(bytes, hash);
    return hash;
  }

  /** Stores bytes whose hash the caller computed; returns whether the file is new. */
  boolean putNew(byte[] bytes, String hash) throws IOException {
    if (contains(hash)) {
      return false;
    }
    Path temp = tempFile();
    Files.write(temp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
    moveIntoPlace(temp, hash);
    return true;
  }

  /**
   * Moves a file whose hash the caller computed into the store (a file of an unpacked archive, ours
   * to take); returns whether it is new. When the content is there already the file is deleted.
   */
  boolean moveNew(Path file, String hash) throws IOException {
    if (contains(hash)) {
      Files.deleteIfExists(file);
      return false;
    }
    moveIntoPlace(file, hash);
    return true;
  }

  public void delete(String hash) throws IOException {
    Files.deleteIfExists(path(hash));
  }

  /**
   * Marks a file as relied on by work not yet committed, so that garbage collection keeps it (call
   * before looking whether it is stored); every pin needs its {@link #unpin}.
   */
  void pin(String hash) {
    synchronized (pins) {
      pins.merge(hash, 1, Integer::sum);
    }
  }

  void unpin(String hash) {
    synchronized (pins) {
      pins.computeIfPresent(hash, (h, n) -> n == 1 ? null : n - 1);
    }
  }

  /** Deletes a file unless work in progress relies on it; returns whether it is gone. */
  boolean deleteUnlessPinned(String hash) throws IOException {
    synchronized (pins) {
      if (pins.containsKey(hash)) {
        return false;
      }
      Files.deleteIfExists(path(hash));
      return true;
    }
  }

  /**
   * Deletes stored files that {@code known} does not list: after a crash, files written by an import
   * whose rows never committed. Only for a workspace no work is running in (it is being opened).
   *
   * @return how many files were deleted
   */
  int sweep(java.util.Set<String> known) throws IOException {
    int deleted = 0;
    try (var folders = Files.newDirectoryStream(root)) {
      for (Path folder : folders) {
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (var files = Files.newDirectoryStream(folder)) {
          for (Path file : files) {
            if (!known.contains(file.getFileName().toString())) {
              Files.deleteIfExists(file);
              deleted++;
            }
          }
        }
      }
    }
    return deleted;
  }

  /** A fresh name in tmp/ (unique within this process, which alone owns the workspace). */
  private Path tempFile() {
    return tmp.resolve("blob-" + ProcessHandle.current().pid() + "-" + tempCount.incrementAndGet() + ".part");
  }

  private void moveIntoPlace(Path temp, String hash) throws IOException {
    Path target = path(hash);
    if (folders.add(target.getParent())) {
      Files.createDirectories(target.getParent());
    }
    try {
      move(temp, target);
    } catch (java.nio.file.NoSuchFileException e) {
      // the folder went away (a purge emptied the store meanwhile): make it again, once
      Files.createDirectories(target.getParent());
      move(temp, target);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  Path root() {
    return root;
  }
}
