package dev.loupe.core.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hub's API keys ({@code loupe keys}, {@code /api/api-keys}): made at random ({@code ul_} + 40
 * hex digits, as the platform's), kept as their sha-256 only, looked up by that hash, revoked by id.
 * Writes go through the workspace's one writer like every other change.
 */
public final class ApiKeyStore {
  private static final String COLUMNS = "id, name, prefix, created_at, last_used_at, revoked_at";
  private static final int PREFIX_LENGTH = 8;
  private static final int MAX_NAME = 200;

  private final Database db;
  private final Revisions revisions;

  private ApiKeyStore(Database db, Revisions revisions) {
    this.db = db;
    this.revisions = revisions;
  }

  /** The key store of {@code workspace}. */
  public static ApiKeyStore of(Workspace workspace) {
    return new ApiKeyStore(workspace.db(), workspace.revisions());
  }

  /** Makes a key named {@code name}; the key itself is in the answer only. */
  public NewApiKey create(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an API key needs a name");
    }
    if (name.strip().length() > MAX_NAME) {
      throw new IllegalArgumentException("an API key's name has at most " + MAX_NAME + " characters");
    }
    String key = Ids.random("ul_", 20);
    String id = Ids.random("key_", 12);
    long now = revisions.now();
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO hub_api_key (id, name, prefix, key_sha256, created_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, name.strip());
            ps.setString(3, key.substring(0, PREFIX_LENGTH));
            ps.setString(4, sha256(key));
            ps.setLong(5, now);
            ps.executeUpdate();
          }
          return null;
        });
    return new NewApiKey(key, new ApiKeyRecord(id, name.strip(), key.substring(0, PREFIX_LENGTH),
        Instant.ofEpochMilli(now), null, null));
  }

  /** Every key, revoked ones too, oldest first. */
  public List<ApiKeyRecord> list() {
    return db.read(
        c -> {
          List<ApiKeyRecord> keys = new ArrayList<>();
          try (ResultSet rs =
              c.createStatement().executeQuery("SELECT " + COLUMNS + " FROM hub_api_key ORDER BY created_at, id")) {
            while (rs.next()) {
              keys.add(record(rs));
            }
          }
          return keys;
        });
  }

  /**
   * The valid (not revoked) key that {@code key} is, if any. Compares hashes, so the time taken
   * says nothing about how much of a wrong key was right.
   */
  public Optional<ApiKeyRecord> authenticate(String key) {
    if (key == null || key.isEmpty()) {
      return Optional.empty();
    }
    String hash = sha256(key);
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM hub_api_key WHERE key_sha256 = ? AND revoked_at IS NULL")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(record(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Revokes the key with this id; requests with it are refused from now on.
   *
   * @throws NotFoundException when no valid key has this id
   */
  public ApiKeyRecord revoke(String id) {
    long now = revisions.now();
    int changed =
        db.write(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE hub_api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, now);
                ps.setString(2, id);
                return ps.executeUpdate();
              }
            });
    if (changed == 0) {
      throw new NotFoundException("no valid API key with id '" + id + "'");
    }
    return list().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  /** Records that the key was used at {@code when}. */
  public void markUsed(String id, Instant when) {
    db.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("UPDATE hub_api_key SET last_used_at = ? WHERE id = ?")) {
            ps.setLong(1, when.toEpochMilli());
            ps.setString(2, id);
            return ps.executeUpdate();
          }
        });
  }

  private static ApiKeyRecord record(ResultSet rs) throws SQLException {
    return new ApiKeyRecord(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
        instant(rs, 5), instant(rs, 6));
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
