package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  @TempDir Path dir;

  @Test
  void latestIsTheNewestMigrationInTheSources() throws IOException {
    int newest;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      newest = files.map(f -> VERSIONED.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1)))
          .max().orElseThrow();
    }
    assertThat(SchemaMigrations.LATEST)
        .as("raise SchemaMigrations.LATEST with each migration, or workspaces skip it on open")
        .isEqualTo(newest);
  }

  @Test
  void aNewDatabaseHasNoVersionAndOpeningMigratesItToTheLatest() {
    Database empty = new Database("jdbc:h2:file:" + dir.resolve("empty/db") + ";DB_CLOSE_ON_EXIT=FALSE");
    try {
      assertThat(SchemaMigrations.appliedVersion(empty)).isEqualTo(-1);
    } finally {
      empty.close();
    }
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      assertThat(w.datasets().list()).isEmpty();
    }
    // reopened: the history says it is current, so Flyway is not started, and the schema is all there
    try (Workspace w = Workspace.open(dir.resolve("ws"))) {
      assertThat(w.trainingRuns().list()).isEmpty();
    }
    Database db = new Database("jdbc:h2:file:" + dir.resolve("ws/db/loupe") + ";DB_CLOSE_ON_EXIT=FALSE");
    try {
      assertThat(SchemaMigrations.appliedVersion(db)).isEqualTo(SchemaMigrations.LATEST);
    } finally {
      db.close();
    }
  }
}
