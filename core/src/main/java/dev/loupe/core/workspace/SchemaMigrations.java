package dev.loupe.core.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * Brings a workspace's schema to the newest version by Flyway's migrations in {@code db/migration}.
 * A workspace that is already there (every open but the first after an upgrade) is told so by one
 * query of Flyway's history table, and Flyway is not started: configuring it and scanning the
 * shaded jar's 40,000 entries for migrations took about half of opening a workspace, which every
 * command and the window's start pay.
 */
final class SchemaMigrations {
  /**
   * The newest migration's version: {@code SchemaMigrationsTest} fails when a migration is added to
   * {@code db/migration} without raising it.
   */
  static final int LATEST = 7;

  private SchemaMigrations() {}

  static void migrate(Database db) {
    if (appliedVersion(db) != LATEST) {
      Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();
    }
  }

  /**
   * The newest version Flyway applied, or -1 when it has no history here yet or a migration failed
   * (then Flyway itself must look).
   */
  static int appliedVersion(Database db) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT MAX(CAST(\"version\" AS INT)), COUNT(*) FILTER (WHERE NOT \"success\")"
                + " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
      rs.next();
      int newest = rs.getInt(1);
      return rs.wasNull() || rs.getInt(2) > 0 ? -1 : newest;
    } catch (SQLException noHistoryYet) {
      return -1;
    }
  }
}
