package dev.loupe.core.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The workspace's embedded H2 database. Reads run concurrently; writes run one at a time, each in a
 * transaction that commits whole or not at all and is in the file when it returns, so a crash never
 * leaves half of a change behind.
 *
 * <p>H2 writes the tables to the file one after another, each as it is at that moment (H2 issue
 * #2080): a file written while a transaction adds rows can hold some of them without the undo entries
 * that roll them back. After a crash those rows stay: {@code COUNT(*)} counts them, and so does any
 * later transaction that gets the dead one's id (a killed import left 3,001 images). So the file is
 * written only by the thread that is writing, or while nobody is:
 *
 * <ul>
 *   <li>{@code WRITE_DELAY=0} stops H2's background writer; H2 then writes the file as a transaction
 *       that changed something ends, in the thread that ends it (and, in the writing thread, when one
 *       transaction's changes outgrow its buffer);
 *   <li>a rollback writes the file too, from any thread, so connections are kept here and handed out
 *       as they are: H2's own pool rolls back every connection it hands out. Reads end with a commit
 *       (autocommit), which writes nothing.
 * </ul>
 *
 * DatabaseFileWritesTest checks that the file stays as it is while a write is in progress and reads
 * run; CrashDuringImportTest kills an import (ADR 0010).
 */
final class Database implements AutoCloseable {
  /** Work done with a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final JdbcDataSource dataSource = new JdbcDataSource();
  /** Connections not in use, in autocommit mode. */
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  /** Every connection opened, closed with the database (never before: closing one rolls back). */
  private final List<Connection> opened = new CopyOnWriteArrayList<>();
  private final ReentrantLock writeLock = new ReentrantLock();

  Database(String url) {
    dataSource.setURL(url + ";WRITE_DELAY=0");
    dataSource.setUser("loupe");
    dataSource.setPassword("");
    idle.push(borrow()); // opens the database and keeps it open while the migration comes and goes
  }

  <T> T read(SqlWork<T> work) {
    Connection c = borrow();
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new WorkspaceException("workspace database error: " + e.getMessage(), e);
    } finally {
      idle.push(c);
    }
  }

  /**
   * Runs {@code work} in one transaction, holding the workspace's write lock. The change is in the
   * file when this returns (H2 writes it as the transaction commits).
   */
  <T> T write(SqlWork<T> work) {
    writeLock.lock();
    Connection c = null;
    try {
      c = borrow();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
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
      if (c != null) {
        idle.push(c);
      }
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

  /** For the schema migration when the workspace opens, before any other use. */
  javax.sql.DataSource dataSource() {
    return dataSource;
  }

  private Connection borrow() {
    Connection c = idle.poll();
    if (c != null) {
      return c;
    }
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new WorkspaceException("workspace database error: " + e.getMessage(), e);
    }
    opened.add(c);
    return c;
  }

  @Override
  public void close() {
    try (var statement = borrow().createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException | WorkspaceException e) {
      // already closed
    }
    for (Connection c : opened) {
      try {
        c.close();
      } catch (SQLException e) {
        // closed by the shutdown
      }
    }
  }
}
