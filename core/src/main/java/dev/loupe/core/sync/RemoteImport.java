package dev.loupe.core.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Brings remote images into a dataset through the workspace's own NDJSON import: the images are
 * fetched beside a copy of their export records (each renamed to its fetched file, its expiring URL
 * left out), and that folder is imported. Images that could not be fetched are left out and named.
 */
final class RemoteImport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Workspace workspace;
  private final PlatformClient client;
  private final SyncOptions options;
  private final TaskMonitor monitor;
  private List<ImageDownloader.Fetched> fetched = List.of();
  private List<String> failed = List.of();

  RemoteImport(Workspace workspace, PlatformClient client, SyncOptions options, TaskMonitor monitor) {
    this.workspace = workspace;
    this.client = client;
    this.options = options;
    this.monitor = monitor;
  }

  ImportResult run(String remoteId, RemoteSnapshot snapshot, List<RemoteRecord> records, ImportOptions importOptions) {
    try (Scratch scratch = new Scratch(workspace, "pull")) {
      Path dir = scratch.dir();
      ImageDownloader.Result result = new ImageDownloader(client, options.downloadThreads())
          .fetch(remoteId, records, dir, monitor);
      fetched = result.fetched();
      failed = result.failed();
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("dataset.ndjson"), StandardCharsets.UTF_8)) {
        out.write(snapshot.headerLine());
        out.newLine();
        for (ImageDownloader.Fetched f : fetched) {
          ObjectNode copy = ((ObjectNode) snapshot.raw(f.record().name())).deepCopy();
          copy.put("file", f.relativePath());
          copy.remove("url");
          out.write(MAPPER.writeValueAsString(copy));
          out.newLine();
        }
      }
      ImportResult imported = workspace.importDataset(dir, importOptions.withFormat("ndjson"), monitor);
      SyncRun.noteFailures(imported.report(), failed);
      return imported;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot import the remote images: " + e.getMessage(), e);
    }
  }

  List<ImageDownloader.Fetched> fetched() {
    return fetched;
  }

  List<String> failed() {
    return failed;
  }
}
