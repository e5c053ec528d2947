package dev.loupe.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Model files, stored once per content as {@code models/ab/<sha-256>.<extension>}: named by hash
 * like the image blobs, but with the extension kept so that an engine can load the file by its path
 * and tell ONNX from TorchScript. Written to tmp/ while hashed and moved into place, so a file under
 * its hash is always complete.
 */
final class ModelFiles {
  /** A file copied into tmp/ with its hash and size, ready to be moved into place. */
  record Staged(Path temp, String hash, long size) {}

  private final Path root;
  private final Path tmp;
  private final AtomicLong tempCount = new AtomicLong();

  ModelFiles(Path root, Path tmp) throws IOException {
    this.root = Files.createDirectories(root);
    this.tmp = Files.createDirectories(tmp);
  }

  Path path(String hash, String extension) {
    return root.resolve(hash.substring(0, 2)).resolve(hash + "." + extension);
  }

  /** Copies {@code source} into tmp/ (keeping its extension), hashing it on the way. */
  Staged stage(Path source, String extension) throws IOException {
    Path temp =
        tmp.resolve("model-" + ProcessHandle.current().pid() + "-" + tempCount.incrementAndGet() + "." + extension);
    MessageDigest digest = sha256();
    long size;
    try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
        OutputStream out = Files.newOutputStream(temp)) {
      size = in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return new Staged(temp, HexFormat.of().formatHex(digest.digest()), size);
  }

  /** The sha-256 of a file's bytes, read through once (nothing written). */
  static String hash(Path source) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Moves a staged file under its hash (dropping it when that content is there already). */
  Path store(Staged staged, String extension) throws IOException {
    Path target = path(staged.hash(), extension);
    if (Files.exists(target)) {
      Files.deleteIfExists(staged.temp());
      return target;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(staged.temp());
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged.temp(), target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  void delete(String hash, String extension) throws IOException {
    Files.deleteIfExists(path(hash, extension));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
