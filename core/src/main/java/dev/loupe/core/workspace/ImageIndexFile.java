package dev.loupe.core.workspace;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A dataset's {@link ImageIndex} saved under {@code index/<dataset>.idx} with the dataset revision it
 * reflects. Opening a dataset reads it when the revision still matches (a few hundred milliseconds for
 * a million images) instead of reading every image row from H2 (tens of seconds cold). A stale or
 * damaged file is ignored and the index is rebuilt from the database: the file is a cache, never the
 * truth.
 */
final class ImageIndexFile {
  private static final int MAGIC = 0x4C494458; // "LIDX"
  private static final int FORMAT = 1;

  private ImageIndexFile() {}

  static Path path(Path workspaceRoot, String datasetId) {
    return workspaceRoot.resolve("index").resolve(datasetId + ".idx");
  }

  /** The saved index if it reflects {@code revision}, else null. */
  static ImageIndex read(Path file, long revision) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      ChannelDataInput in = new ChannelDataInput(channel, 8 << 20);
      if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readLong() != revision) {
        return null;
      }
      ImageIndex index = ImageIndex.readFrom(in, Files.size(file));
      index.prepareOrders();
      return index;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  static void write(Path file, ImageIndex index, long revision) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".part");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeLong(revision);
      index.writeTo(out);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static void delete(Path workspaceRoot, String datasetId) {
    try {
      Files.deleteIfExists(path(workspaceRoot, datasetId));
    } catch (IOException e) {
      // a stale file is ignored anyway: its revision no longer matches
    }
  }
}
