package dev.loupe.core.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The workspace's embedded H2 database. Reads run concurrently; writes run one at a time, each in a
 * transaction that commits whole or not at all, so a crash never leaves half of a change behind.
 */
final class Database implements AutoCloseable {
  /** Work done with a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final JdbcConnectionPool pool;
  private final ReentrantLock writeLock = new ReentrantLock();

  Database(String url) {
    this.pool = JdbcConnectionPool.create(url, "loupe", "");
    this.pool.setMaxConnections(16);
  }

  <T> T read(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new WorkspaceException("workspace database error: " + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code work} in one transaction, holding the workspace's write lock. The change is on disk
   * when this returns: H2 alone writes committed changes up to a second later, and a process killed
   * in that second would lose them (CrashDuringImportTest).
   */
  <T> T write(SqlWork<T> work) {
    return write(work, true);
  }

  /**
   * Like {@link #write(SqlWork)}, but the change may reach the file up to a second later: for the
   * batches of a long import, which call {@link #checkpoint()} once at the end. A crash still leaves
   * whole batches only.
   */
  <T> T writeBatch(SqlWork<T> work) {
    return write(work, false);
  }

  /** Puts every committed change on disk. */
  void checkpoint() {
    read(
        c -> {
          checkpoint(c);
          return null;
        });
  }

  /**
   * A failed checkpoint does not undo the commit before it (H2 writes the change a moment later), so
   * it must not be reported as a failed write.
   */
  private static void checkpoint(Connection c) {
    try (var statement = c.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      // committed anyway; H2's own writer persists it within about a second
    }
  }

  private <T> T write(SqlWork<T> work, boolean durable) {
    writeLock.lock();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        if (durable) {
          checkpoint(c);
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceException("workspace database error: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Holds the write lock while {@code body} runs (for changes that also touch in-memory state). */
  <T> T exclusively(java.util.function.Supplier<T> body) {
    writeLock.lock();
    try {
      return body.get();
    } finally {
      writeLock.unlock();
    }
  }

  javax.sql.DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    try (Connection c = pool.getConnection()) {
      c.createStatement().execute("SHUTDOWN");
    } catch (SQLException e) {
      // already closed
    }
    pool.dispose();
  }
}
