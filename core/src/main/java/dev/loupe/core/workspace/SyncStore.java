package dev.loupe.core.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What syncs with a platform remember (migration V6): the link of a dataset to a remote one, the
 * remote name and last agreed state of each image, and the conflicts kept for the user. The sync
 * itself is {@code dev.loupe.core.sync}; this class only stores.
 */
public final class SyncStore {
  private final Database db;
  private final Revisions revisions;
  private final DatasetStore datasets;

  SyncStore(Database db, Revisions revisions, DatasetStore datasets) {
    this.db = db;
    this.revisions = revisions;
    this.datasets = datasets;
  }

  /** The remote dataset a local one is linked to, if any. */
  public Optional<SyncLink> link(String datasetIdOrSlug) {
    String id = datasets.require(datasetIdOrSlug).id();
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT server, remote_id, remote_slug, last_local_revision, last_remote_state, synced_at"
                      + " FROM sync_link WHERE dataset_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new SyncLink(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                      rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
            }
          }
        });
  }

  /** The local dataset linked to a remote dataset of {@code server}, if any. */
  public Optional<String> datasetLinkedTo(String server, String remoteId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT dataset_id FROM sync_link WHERE server = ? AND remote_id = ?")) {
            ps.setString(1, server);
            ps.setString(2, remoteId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Records (or replaces) a dataset's link; the sync time is now. */
  public SyncLink saveLink(SyncLink link) {
    datasets.require(link.datasetId());
    long now = revisions.now();
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "MERGE INTO sync_link (dataset_id, server, remote_id, remote_slug, last_local_revision,"
                      + " last_remote_state, synced_at) KEY (dataset_id) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, link.datasetId());
            ps.setString(2, link.server());
            ps.setString(3, link.remoteId());
            ps.setString(4, link.remoteSlug());
            ps.setLong(5, link.lastLocalRevision());
            ps.setString(6, link.lastRemoteState());
            ps.setLong(7, now);
            ps.executeUpdate();
          }
          return null;
        });
    return new SyncLink(link.datasetId(), link.server(), link.remoteId(), link.remoteSlug(),
        link.lastLocalRevision(), link.lastRemoteState(), Instant.ofEpochMilli(now));
  }

  /** Every image entry of a dataset, by local hash. */
  public Map<String, SyncEntry> entries(String datasetIdOrSlug) {
    String id = datasets.require(datasetIdOrSlug).id();
    return db.read(
        c -> {
          Map<String, SyncEntry> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT i.local_hash, i.remote_name, i.remote_filename, i.upload_session, b.local_revision,"
                      + " b.remote_fingerprint"
                      + " FROM sync_image i LEFT JOIN sync_base b ON b.dataset_id = i.dataset_id"
                      + " AND b.local_hash = i.local_hash WHERE i.dataset_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                long revision = rs.getLong(5);
                boolean hasBase = !rs.wasNull();
                out.put(rs.getString(1),
                    new SyncEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        hasBase ? revision : -1, rs.getString(6)));
              }
            }
          }
          return out;
        });
  }

  /** Writes image entries (their remote names and bases) in one transaction. */
  public void putEntries(String datasetIdOrSlug, Collection<SyncEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String id = datasets.require(datasetIdOrSlug).id();
    long now = revisions.now();
    db.write(
        c -> {
          try (PreparedStatement image =
                  c.prepareStatement(
                      "MERGE INTO sync_image (dataset_id, local_hash, remote_name, remote_filename, state,"
                          + " upload_session) KEY (dataset_id, local_hash) VALUES (?,?,?,?,?,?)");
              PreparedStatement base =
                  c.prepareStatement(
                      "MERGE INTO sync_base (dataset_id, local_hash, local_revision, remote_fingerprint, synced_at)"
                          + " KEY (dataset_id, local_hash) VALUES (?,?,?,?,?)");
              PreparedStatement noBase =
                  c.prepareStatement("DELETE FROM sync_base WHERE dataset_id = ? AND local_hash = ?")) {
            for (SyncEntry e : entries) {
              image.setString(1, id);
              image.setString(2, e.localHash());
              image.setString(3, e.remoteName());
              image.setString(4, e.remoteFilename());
              image.setString(5, e.known() ? "known" : "sent");
              image.setString(6, e.uploadSession());
              image.addBatch();
              if (e.hasBase()) {
                base.setString(1, id);
                base.setString(2, e.localHash());
                base.setLong(3, e.baseRevision());
                base.setString(4, e.baseFingerprint());
                base.setLong(5, now);
                base.addBatch();
              } else {
                noBase.setString(1, id);
                noBase.setString(2, e.localHash());
                noBase.addBatch();
              }
            }
            image.executeBatch();
            base.executeBatch();
            noBase.executeBatch();
          }
          return null;
        });
  }

  /** Forgets images (deleted on both sides, or to be sent again). */
  public void removeEntries(String datasetIdOrSlug, Collection<String> localHashes) {
    if (localHashes.isEmpty()) {
      return;
    }
    String id = datasets.require(datasetIdOrSlug).id();
    db.write(
        c -> {
          for (String table : List.of("sync_image", "sync_base")) {
            try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM " + table + " WHERE dataset_id = ? AND local_hash = ?")) {
              for (String hash : localHashes) {
                ps.setString(1, id);
                ps.setString(2, hash);
                ps.addBatch();
              }
              ps.executeBatch();
            }
          }
          return null;
        });
  }

  /** The conflicts of a dataset, oldest first; only the open ones unless {@code all}. */
  public List<SyncConflict> conflicts(String datasetIdOrSlug, boolean all) {
    String id = datasets.require(datasetIdOrSlug).id();
    return db.read(
        c -> {
          List<SyncConflict> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + CONFLICT_COLUMNS + " FROM sync_conflict WHERE dataset_id = ?"
                      + (all ? "" : " AND resolved_at IS NULL") + " ORDER BY id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(conflict(rs));
              }
            }
          }
          return out;
        });
  }

  /** The open conflict of one image, if any. */
  public Optional<SyncConflict> openConflict(String datasetIdOrSlug, String localHash) {
    String id = datasets.require(datasetIdOrSlug).id();
    return db.read(c -> openConflict(c, id, localHash));
  }

  /**
   * Records the remote side of a conflict; an image's open conflict is updated to the newer remote
   * version rather than doubled.
   */
  public SyncConflict putConflict(
      String datasetIdOrSlug, String localHash, String kind, String remoteSplit, String remoteLabels,
      String remoteFingerprint) {
    String id = datasets.require(datasetIdOrSlug).id();
    long now = revisions.now();
    return db.write(
        c -> {
          Optional<SyncConflict> open = openConflict(c, id, localHash);
          if (open.isPresent()) {
            ImageStore.execute(
                c, "UPDATE sync_conflict SET kind = ?, remote_split = ?, remote_labels = ?, remote_fingerprint = ?"
                    + " WHERE id = ?",
                kind, remoteSplit, remoteLabels, remoteFingerprint, open.get().id());
          } else {
            ImageStore.execute(
                c, "INSERT INTO sync_conflict (dataset_id, local_hash, kind, remote_split, remote_labels,"
                    + " remote_fingerprint, created_at) VALUES (?,?,?,?,?,?,?)",
                id, localHash, kind, remoteSplit, remoteLabels, remoteFingerprint, now);
          }
          return openConflict(c, id, localHash).orElseThrow();
        });
  }

  /** Marks an image's open conflict resolved by keeping {@code resolution} (local or remote). */
  public SyncConflict resolveConflict(String datasetIdOrSlug, String localHash, String resolution) {
    String id = datasets.require(datasetIdOrSlug).id();
    long now = revisions.now();
    return db.write(
        c -> {
          SyncConflict open =
              openConflict(c, id, localHash)
                  .orElseThrow(() -> new NotFoundException("no open conflict for image " + localHash));
          ImageStore.execute(
              c, "UPDATE sync_conflict SET resolved_at = ?, resolution = ? WHERE id = ?", now, resolution, open.id());
          return new SyncConflict(open.id(), open.datasetId(), open.localHash(), open.kind(), open.remoteSplit(),
              open.remoteLabels(), open.remoteFingerprint(), open.createdAt(), Instant.ofEpochMilli(now), resolution);
        });
  }

  private static final String CONFLICT_COLUMNS =
      "id, dataset_id, local_hash, kind, remote_split, remote_labels, remote_fingerprint, created_at,"
          + " resolved_at, resolution";

  private static Optional<SyncConflict> openConflict(Connection c, String datasetId, String localHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + CONFLICT_COLUMNS + " FROM sync_conflict WHERE dataset_id = ? AND local_hash = ?"
                + " AND resolved_at IS NULL")) {
      ps.setString(1, datasetId);
      ps.setString(2, localHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(conflict(rs)) : Optional.empty();
      }
    }
  }

  private static SyncConflict conflict(ResultSet rs) throws SQLException {
    long resolved = rs.getLong("resolved_at");
    Instant resolvedAt = rs.wasNull() ? null : Instant.ofEpochMilli(resolved);
    return new SyncConflict(
        rs.getLong("id"), rs.getString("dataset_id"), rs.getString("local_hash"), rs.getString("kind"),
        rs.getString("remote_split"), rs.getString("remote_labels"), rs.getString("remote_fingerprint"),
        Instant.ofEpochMilli(rs.getLong("created_at")), resolvedAt, rs.getString("resolution"));
  }
}
