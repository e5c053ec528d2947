package dev.loupe.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Soft deletion as the platform does it: a deleted dataset waits in the trash for 30 days, can be
 * restored until then, and is purged for good afterwards or on request. Purging frees the image
 * files that nothing else refers to.
 */
public final class TrashStore {
  public static final Duration RETENTION = Duration.ofDays(30);

  private final Workspace workspace;

  TrashStore(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Moves a dataset to the trash ({@code DELETE /api/datasets/{id}}). */
  public void moveToTrash(String datasetIdOrSlug) {
    String id = workspace.datasets().require(datasetIdOrSlug).id();
    workspace.db().write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE dataset SET deleted_at = ?, revision = ? WHERE id = ?")) {
            ps.setLong(1, workspace.revisions().now());
            ps.setLong(2, workspace.revisions().next());
            ps.setString(3, id);
            ps.executeUpdate();
          }
          workspace.images().dropIndex(id);
          return null;
        });
  }

  public List<TrashEntry> list() {
    return workspace.db().read(
        c -> {
          List<TrashEntry> entries = new ArrayList<>();
          try (ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT d.id, d.name, d.slug, d.deleted_at,"
                          + " (SELECT COUNT(*) FROM image i WHERE i.dataset_id = d.id)"
                          + " FROM dataset d WHERE d.deleted_at IS NOT NULL ORDER BY d.deleted_at DESC")) {
            while (rs.next()) {
              Instant deleted = Instant.ofEpochMilli(rs.getLong(4));
              entries.add(
                  new TrashEntry(rs.getString(1), "dataset", rs.getString(2), rs.getString(3), rs.getLong(5),
                      deleted, deleted.plus(RETENTION)));
            }
          }
          return entries;
        });
  }

  /** Brings a dataset back; if its slug was taken meanwhile it gets a free one. */
  public void restore(String id) {
    workspace.db().write(
        c -> {
          String slug = trashedSlug(c, id);
          Set<String> taken = DatasetStore.liveSlugs(c);
          String free = slug;
          for (int i = 2; taken.contains(free); i++) {
            free = slug + "-" + i;
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE dataset SET deleted_at = NULL, slug = ?, revision = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, free);
            ps.setLong(2, workspace.revisions().next());
            ps.setLong(3, workspace.revisions().now());
            ps.setString(4, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Deletes a trashed dataset for good ({@code DELETE /api/trash}). */
  public void purge(String id) {
    workspace.db().read(c -> trashedSlug(c, id));
    purgeNow(id);
  }

  /** Purges everything in the trash; returns how many datasets went. */
  public int empty() {
    List<TrashEntry> entries = list();
    entries.forEach(e -> purgeDataset(e.id()));
    collectGarbage();
    return entries.size();
  }

  /** Purges datasets that have been in the trash longer than the retention period. */
  public int purgeExpired() {
    long cutoff = workspace.revisions().now() - RETENTION.toMillis();
    List<TrashEntry> expired =
        list().stream().filter(e -> e.deletedAt().toEpochMilli() < cutoff).toList();
    expired.forEach(e -> purgeDataset(e.id()));
    if (!expired.isEmpty()) {
      collectGarbage();
    }
    return expired.size();
  }

  /** Deletes a dataset, live or trashed, with everything it holds (also used to undo an import). */
  void purgeNow(String id) {
    purgeDataset(id);
    collectGarbage();
  }

  private void purgeDataset(String id) {
    workspace.images().deleteIndex(id);
    workspace.db().write(
        c -> {
          // label rows through the image rows' seqs (image_labels has no dataset index)
          ImageStore.execute(
              c, "DELETE FROM image_labels WHERE seq IN (SELECT seq FROM image WHERE dataset_id = ?)", id);
          for (String table : List.of("image", "tombstone", "dataset_version", "class_stats")) {
            ImageStore.execute(c, "DELETE FROM " + table + " WHERE dataset_id = ?", id);
          }
          ImageStore.execute(c, "DELETE FROM dataset WHERE id = ?", id);
          return null;
        });
    deleteTree(workspace.root().resolve("versions").resolve(id));
  }

  /**
   * Deletes image files that no dataset (live or trashed) and no version snapshot refers to.
   *
   * @return how many files were deleted
   */
  public int collectGarbage() {
    return workspace
        .db()
        .exclusively(
            () -> {
              // two sequential scans and a set: a NOT EXISTS per blob would scan the image table once
              // per blob (no index leads with hash)
              Set<String> referenced = new HashSet<>(VersionStore.referencedHashes(workspace));
              List<String> orphans =
                  workspace.db().read(
                      c -> {
                        try (ResultSet rs = c.createStatement().executeQuery("SELECT hash FROM image")) {
                          while (rs.next()) {
                            referenced.add(rs.getString(1));
                          }
                        }
                        List<String> out = new ArrayList<>();
                        try (ResultSet rs = c.createStatement().executeQuery("SELECT hash FROM blob")) {
                          while (rs.next()) {
                            if (!referenced.contains(rs.getString(1))) {
                              out.add(rs.getString(1));
                            }
                          }
                        }
                        return out;
                      });
              // an import in progress may rely on a file it found stored: it is pinned and kept
              List<String> deleted = new ArrayList<>();
              for (String hash : orphans) {
                try {
                  if (workspace.content().deleteUnlessPinned(hash)) {
                    deleted.add(hash);
                    Files.deleteIfExists(ThumbnailService.thumbPath(workspace.root(), hash));
                  }
                } catch (IOException e) {
                  // left for the next collection
                }
              }
              workspace.db().write(
                  c -> {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM blob WHERE hash = ?")) {
                      for (String hash : deleted) {
                        ps.setString(1, hash);
                        ps.addBatch();
                      }
                      ps.executeBatch();
                    }
                    return null;
                  });
              return deleted.size();
            });
  }

  private static String trashedSlug(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT slug FROM dataset WHERE id = ? AND deleted_at IS NOT NULL")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("no dataset '" + id + "' in the trash");
        }
        return rs.getString(1);
      }
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a later purge retries
    }
  }
}
