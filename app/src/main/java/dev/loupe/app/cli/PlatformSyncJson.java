package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.sync.PullResult;
import dev.loupe.core.sync.PushResult;
import dev.loupe.core.sync.SyncResult;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;

/** The {@code --json} shapes and the text lines of push, pull, sync and conflicts. */
final class PlatformSyncJson {
  private PlatformSyncJson() {}

  /** {@code {"remote": {"_id", "slug"}, "uploaded", "skipped", "labels", "moved", "deleted", "problems"}}. */
  static ObjectNode push(PushResult r) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.putObject("remote").put("_id", r.remoteId()).put("slug", r.remoteSlug());
    n.put("uploaded", r.uploaded());
    n.put("skipped", r.skipped());
    n.put("labels", r.labels());
    n.put("moved", r.moved());
    n.put("deleted", r.deleted());
    ArrayNode problems = n.putArray("problems");
    r.problems().forEach(problems::add);
    return n;
  }

  /** The shape of {@code loupe import}, with {@code updated}, {@code deleted} and the {@code failed} images. */
  static ObjectNode pull(PullResult r, Workspace workspace) {
    ObjectNode n = new ImportSummary(new ImportResult(r.dataset(), "ndjson", r.report()),
        workspace.images().counts(r.dataset().id())).toJson();
    n.put("updated", r.updated());
    n.put("deleted", r.deleted());
    ArrayNode failed = n.putArray("failed");
    r.failed().forEach(failed::add);
    return n;
  }

  static ObjectNode sync(SyncResult r, Workspace workspace) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.set("pushed", push(r.pushed()));
    n.set("pulled", pull(r.pulled(), workspace));
    n.set("conflicts", conflicts(r.conflicts()));
    return n;
  }

  static ArrayNode conflicts(List<SyncConflict> conflicts) {
    ArrayNode list = ApiJson.MAPPER.createArrayNode();
    conflicts.forEach(c -> list.add(conflict(c)));
    return list;
  }

  static ObjectNode conflict(SyncConflict c) {
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.put("image", c.localHash());
    n.put("kind", c.kind());
    n.put("remoteSplit", c.remoteSplit());
    try {
      n.set("remoteLabels", c.remoteLabels() == null ? null : ApiJson.MAPPER.readTree(c.remoteLabels()));
    } catch (java.io.IOException e) {
      n.put("remoteLabels", c.remoteLabels());
    }
    n.put("createdAt", c.createdAt().toString());
    if (c.resolvedAt() != null) {
      n.put("resolvedAt", c.resolvedAt().toString());
      n.put("resolution", c.resolution());
    }
    return n;
  }

  static void printPush(PushResult r, PrintWriter out) {
    out.println("remote    " + r.remoteSlug() + " (" + r.remoteId() + ")");
    out.println("uploaded  " + r.uploaded() + " images, skipped " + r.skipped() + " the remote has");
    out.println("sent      " + r.labels() + " label changes, " + r.moved() + " split moves, " + r.deleted() + " deletions");
    r.problems().forEach(p -> out.println("problem   " + p));
    out.flush();
  }

  static void printPull(PullResult r, PrintWriter out) {
    out.println("dataset   " + r.dataset().slug() + " (" + r.dataset().id() + ")");
    out.println("imported  " + r.imported() + " images, " + r.report().importedLabels() + " labels");
    out.println("updated   " + r.updated() + " images, deleted " + r.deleted());
    if (!r.failed().isEmpty()) {
      out.println("failed    " + r.failed().size() + " images (fetched again by the next pull):");
      r.failed().forEach(f -> out.println("  " + f));
    }
    out.flush();
  }

  static void printConflicts(List<SyncConflict> conflicts, PrintWriter out) {
    if (conflicts.isEmpty()) {
      out.println("no conflicts");
    }
    for (SyncConflict c : conflicts) {
      out.println(c.localHash() + "  " + c.kind() + (c.resolution() == null ? "" : "  resolved: kept " + c.resolution()));
    }
    out.flush();
  }
}
