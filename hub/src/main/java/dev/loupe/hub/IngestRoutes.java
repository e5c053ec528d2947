package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/datasets/ingest}: imports an archive (ZIP, TAR, TAR.GZ, TGZ, NDJSON) uploaded
 * through a {@code datasets} upload session into the dataset its {@code assetId} names, or into a
 * new dataset when it names none, by the workspace's own import (the same checks as
 * {@code loupe import}). {@code targetSplit} moves the images the archive brought into one split.
 * The job runs within the request and is answered completed; ingesting the same session again
 * repeats that answer and imports nothing. A local hub fetches nothing from
 * elsewhere: {@code sourceUrl} is refused.
 */
final class IngestRoutes {
  private final HubServices hub;
  private final UploadSessions sessions;
  private final Workspace workspace;

  IngestRoutes(HubServices hub, UploadSessions sessions) {
    this.hub = hub;
    this.sessions = sessions;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.post("/api/datasets/ingest", this::ingest);
  }

  private void ingest(Context ctx) {
    JsonNode body = hub.json().objectBody(ctx);
    String sessionId = HubJson.text(body, "sessionId");
    String sourceUrl = HubJson.text(body, "sourceUrl");
    if ((sessionId == null) == (sourceUrl == null)) {
      throw ApiException.badRequest("an ingest needs exactly one of sessionId or sourceUrl");
    }
    if (sourceUrl != null) {
      throw ApiException.badRequest("the Loupe hub fetches no remote URLs: upload the archive"
          + " (POST /api/upload/signed-url with assetType datasets) and ingest its sessionId");
    }
    String target = HubJson.text(body, "targetSplit");
    Split split = target == null ? null : Split.parse(target);
    UploadSession s = sessions.find(sessionId).orElseThrow(() -> ApiException.notFound("Upload session not found or expired"));
    if (!s.assetType.equals("datasets")) {
      throw ApiException.badRequest("only a 'datasets' upload can be ingested, this one is '" + s.assetType + "'");
    }
    if (s.state() == UploadSession.State.WAITING) {
      throw ApiException.badRequest("nothing was uploaded to this session yet: PUT the archive to its uploadUrl");
    }
    ObjectNode answer = hub.change(() -> s.state() == UploadSession.State.INGESTED ? s.result() : run(s, split));
    HubJson.ok(ctx, answer);
  }

  private ObjectNode run(UploadSession s, Split split) {
    Optional<Dataset> into = workspace.datasets().find(s.assetId);
    Set<String> before = into.map(d -> hashes(d.id())).orElse(Set.of());
    ImportOptions options = ImportOptions.defaults();
    options = into.isPresent() ? options.into(into.get().id())
        : options.withName(s.filename.replaceFirst("(\\.tar)?\\.[^.]+$", ""));
    ImportResult result;
    try {
      result = workspace.importDataset(s.file, options, TaskMonitor.NONE);
      sessions.release(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot import " + s.filename + ": " + e.getMessage(), e);
    }
    String datasetId = result.dataset().id();
    int moved = 0;
    if (split != null) {
      Set<String> added = hashes(datasetId);
      added.removeAll(before);
      moved = workspace.images().moveToSplit(datasetId, added, split);
    }
    ObjectNode n = HubJson.object();
    n.put("jobId", "ing_" + s.id.substring(4));
    n.put("datasetId", datasetId);
    n.put("status", "completed");
    n.put("format", result.format());
    n.put("imported", result.report().importedImages());
    n.put("skipped", result.report().skippedImages());
    n.put("labels", result.report().importedLabels());
    n.put("problems", result.report().problemCount());
    if (split != null) {
      n.put("moved", moved);
    }
    s.ingested(n);
    return n;
  }

  private Set<String> hashes(String datasetId) {
    Set<String> out = new HashSet<>();
    ImageQuery q = ImageQuery.all().withSort(ImageSort.OLDEST).withPage(0, ImageQuery.MAX_LIMIT);
    while (true) {
      ImagePage page = workspace.images().list(datasetId, q);
      for (ImageRecord r : page.images()) {
        out.add(r.hash());
      }
      if (page.nextCursor() == null || page.images().isEmpty()) {
        return out;
      }
      q = q.withCursor(page.nextCursor());
    }
  }
}
