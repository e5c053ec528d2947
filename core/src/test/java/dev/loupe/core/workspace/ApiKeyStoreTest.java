package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
  @TempDir Path dir;

  @Test
  void aKeyIsShownOnceKeptAsAHashAndRefusedOnceRevoked() throws Exception {
    String key;
    String id;
    try (Workspace ws = Workspace.open(dir)) {
      ApiKeyStore keys = ApiKeyStore.of(ws);
      NewApiKey created = keys.create(" laptop ");
      key = created.key();
      id = created.record().id();
      assertThat(key).matches("ul_[0-9a-f]{40}");
      assertThat(created.toString()).doesNotContain(key);
      assertThat(created.record().name()).isEqualTo("laptop");
      assertThat(created.record().prefix()).isEqualTo(key.substring(0, 8));
      assertThat(keys.authenticate(key)).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo(id));
      assertThat(keys.authenticate(key + "0")).isEmpty();
      assertThat(keys.authenticate("")).isEmpty();
      keys.markUsed(id, Instant.ofEpochMilli(1_000));
      assertThat(keys.list()).singleElement().satisfies(k -> assertThat(k.lastUsedAt()).isEqualTo(Instant.ofEpochMilli(1_000)));
    }
    try (Stream<Path> files = Files.walk(dir.resolve("db"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(key);
      }
    }
    try (Workspace ws = Workspace.open(dir)) {
      ApiKeyStore keys = ApiKeyStore.of(ws);
      assertThat(keys.authenticate(key)).isPresent();
      assertThat(keys.revoke(id).revoked()).isTrue();
      assertThat(keys.authenticate(key)).isEmpty();
      assertThat(keys.list()).singleElement().satisfies(k -> assertThat(k.revoked()).isTrue());
      assertThatThrownBy(() -> keys.revoke(id)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> keys.create(" ")).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
