package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Add, rename, merge and delete classes. Merging and deleting rewrite every label of the dataset and
 * renumber the classes after the removed ones, in one transaction.
 */
public final class ClassOperations {
  private final Workspace workspace;

  ClassOperations(Workspace workspace) {
    this.workspace = workspace;
  }

  public Dataset add(String datasetIdOrSlug, String name) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    List<String> names = new ArrayList<>(dataset.classNames());
    names.add(name);
    return setNames(dataset.id(), names);
  }

  public Dataset rename(String datasetIdOrSlug, int classId, String newName) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    checkClass(dataset, classId);
    List<String> names = new ArrayList<>(dataset.classNames());
    names.set(classId, newName);
    return setNames(dataset.id(), names);
  }

  /**
   * Moves every label of the {@code sources} classes to {@code target}, then removes the sources
   * ({@code POST /classes/merge}).
   *
   * @return how many labels changed class
   */
  public long merge(String datasetIdOrSlug, List<Integer> sources, int target) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    checkClass(dataset, target);
    boolean[] removed = new boolean[dataset.classCount()];
    for (int s : sources) {
      checkClass(dataset, s);
      if (s == target) {
        throw new IllegalArgumentException("cannot merge class " + s + " into itself");
      }
      removed[s] = true;
    }
    int[] renumber = renumbering(removed);
    int newTarget = renumber[target];
    return rewrite(dataset, id -> removed[id] ? newTarget : renumber[id], removed, renumbered(dataset, removed));
  }

  /**
   * Deletes a class and its labels ({@code POST /classes/delete}); later classes move down by one.
   *
   * @return how many labels were removed
   */
  public long delete(String datasetIdOrSlug, int classId) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    checkClass(dataset, classId);
    boolean[] removed = new boolean[dataset.classCount()];
    removed[classId] = true;
    int[] renumber = renumbering(removed);
    return rewrite(dataset, id -> removed[id] ? -1 : renumber[id], removed, renumbered(dataset, removed));
  }

  Dataset setNames(String datasetId, List<String> names) {
    Dataset dataset = workspace.datasets().require(datasetId);
    DatasetStore.validate(dataset.task(), names, dataset.kptShape(), dataset.flipIdx());
    workspace.db().write(
        c -> {
          workspace.datasets().setClassNames(c, datasetId, names);
          return null;
        });
    return workspace.datasets().require(datasetId);
  }

  /**
   * Rewrites the class of every label ({@code map} returns -1 to drop a label) and sets the names.
   *
   * @return how many labels of the {@code removed} classes were moved or dropped
   */
  private long rewrite(Dataset dataset, IntUnaryOperator map, boolean[] removed, List<String> names) {
    long changed =
        workspace
            .db()
            .exclusively(
                () ->
                    workspace
                        .db()
                        .write(
                            c -> {
                              long n = rewriteLabels(c, dataset.id(), map, removed);
                              StatsSums.save(c, dataset.id(), StatsSums.recompute(c, dataset.id()));
                              workspace.datasets().setClassNames(c, dataset.id(), names);
                              workspace.images().dropIndex(dataset.id());
                              return n;
                            }));
    return changed;
  }

  private long rewriteLabels(Connection c, String datasetId, IntUnaryOperator map, boolean[] removed)
      throws SQLException {
    long[] changed = {0};
    List<String> hashes = new ArrayList<>();
    List<List<Label>> newLabels = new ArrayList<>();
    DatasetScan.forEach(
        c,
        datasetId,
        (image, data) -> {
          List<Label> labels = LabelCodec.decode(data);
          List<Label> out = new ArrayList<>(labels.size());
          long diff = 0;
          for (Label l : labels) {
            int id = map.applyAsInt(l.classId());
            if (id != l.classId()) {
              diff++;
            }
            if (l.classId() < removed.length && removed[l.classId()]) {
              changed[0]++;
            }
            if (id >= 0) {
              out.add(l.withClassId(id));
            }
          }
          if (diff > 0) {
            hashes.add(image.hash());
            newLabels.add(out);
          }
        });
    LabelStore labels = workspace.labels();
    for (int i = 0; i < hashes.size(); i++) {
      String labelError = labelErrorOf(c, datasetId, hashes.get(i));
      labels.write(c, datasetId, hashes.get(i), newLabels.get(i), labelError);
    }
    return changed[0];
  }

  private static String labelErrorOf(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT label_error FROM image WHERE dataset_id = ? AND hash = ?")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static int[] renumbering(boolean[] removed) {
    int[] renumber = new int[removed.length];
    int next = 0;
    for (int i = 0; i < removed.length; i++) {
      renumber[i] = removed[i] ? -1 : next++;
    }
    return renumber;
  }

  private static List<String> renumbered(Dataset dataset, boolean[] removed) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < removed.length; i++) {
      if (!removed[i]) {
        names.add(dataset.classNames().get(i));
      }
    }
    return names;
  }

  private static void checkClass(Dataset dataset, int classId) {
    if (classId < 0 || classId >= dataset.classCount()) {
      throw new IllegalArgumentException(
          "class " + classId + " does not exist (the dataset has classes 0.." + (dataset.classCount() - 1) + ")");
    }
  }
}
