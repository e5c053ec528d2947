package dev.loupe.core.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS-level lock on {@code workspace.lock}: one process at a time owns a workspace. The lock is
 * released by the OS when the process dies, so a crash never leaves the workspace locked.
 */
final class WorkspaceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WorkspaceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static WorkspaceLock acquire(Path root) throws IOException {
    Path file = root.resolve("workspace.lock");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      String owner = readOwner(channel);
      channel.close();
      throw new WorkspaceLockedException(
          "workspace " + root + " is in use by another Loupe process" + owner
              + "; close it first or use --workspace to open another one");
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
    channel.force(false);
    return new WorkspaceLock(channel, lock);
  }

  private static String readOwner(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(32);
      int n = channel.read(buffer, 0);
      return n > 0 ? " (pid " + new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).trim() + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
