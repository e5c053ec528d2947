package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.remote.IngestRequest;
import dev.loupe.core.platform.remote.UploadResult;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.SyncEntry;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends new images with their labels and splits as archives in the Ultralytics layout (a YOLO zip:
 * data.yaml, images/SPLIT/, labels/SPLIT/; one split per archive, named as the ingest's target split), each by the signed-URL upload (signed-url, PUT, complete
 * with its sha-256) and then ingested into the remote dataset. Several archives go at once. Each
 * image is recorded as sent, with its archive's upload session, as soon as that upload is complete
 * and before the ingest is asked for: a run cut off after that point never sends it again.
 */
final class ImageUploader {
  /** A local image to send under {@code uploadName}, with the fingerprint its labels will have. */
  record Outgoing(ImageRecord image, List<Label> labels, String uploadName, String fingerprint) {}

  private final Workspace workspace;
  private final PlatformClient client;
  private final SyncOptions options;

  ImageUploader(Workspace workspace, PlatformClient client, SyncOptions options) {
    this.workspace = workspace;
    this.client = client;
    this.options = options;
  }

  /** Sends {@code images}; returns how many were sent. Stops at the first failure (after the archives in flight). */
  int upload(Dataset dataset, String remoteId, List<Outgoing> images, TaskMonitor monitor) {
    List<List<Outgoing>> archives = split(images);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.uploadThreads(), Math.max(1, archives.size())),
        r -> {
          Thread t = new Thread(r, "loupe-sync-upload");
          t.setDaemon(true);
          return t;
        });
    AtomicBoolean failed = new AtomicBoolean();
    AtomicLong sent = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < archives.size(); i++) {
        List<Outgoing> archive = archives.get(i);
        int number = i + 1;
        futures.add(pool.submit(() -> {
          if (failed.get() || monitor.isCancelled()) {
            return;
          }
          try {
            send(dataset, remoteId, archive, number);
            long done = sent.addAndGet(archive.size());
            monitor.progress(done, images.size(), "uploaded " + done + " of " + images.size() + " images");
          } catch (RuntimeException e) {
            failed.set(true);
            throw e;
          }
        }));
      }
      RuntimeException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new SyncException(e.getCause().toString(), e.getCause());
          first = first == null ? cause : first;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancelledException();
        }
      }
      if (first != null) {
        throw first;
      }
      monitor.checkCancelled();
      return (int) sent.get();
    } finally {
      pool.shutdown();
    }
  }

  /** Archives of one split each (ingested with that split as its target), within the size limits. */
  private List<List<Outgoing>> split(List<Outgoing> images) {
    Map<Split, List<Outgoing>> bySplit = new EnumMap<>(Split.class);
    images.forEach(o -> bySplit.computeIfAbsent(o.image().split(), s -> new ArrayList<>()).add(o));
    List<List<Outgoing>> archives = new ArrayList<>();
    for (List<Outgoing> group : bySplit.values()) {
      List<Outgoing> current = new ArrayList<>();
      long bytes = 0;
      for (Outgoing o : group) {
        if (!current.isEmpty()
            && (current.size() >= options.archiveImages() || bytes + o.image().size() > options.archiveBytes())) {
          archives.add(current);
          current = new ArrayList<>();
          bytes = 0;
        }
        current.add(o);
        bytes += o.image().size();
      }
      if (!current.isEmpty()) {
        archives.add(current);
      }
    }
    return archives;
  }

  private void send(Dataset dataset, String remoteId, List<Outgoing> archive, int number) {
    try (Scratch scratch = new Scratch(workspace, "push")) {
      Path zip = scratch.dir().resolve(dataset.slug() + "-" + number + ".zip");
      DatasetWriter writer = workspace.formats().writer("yolo", dataset.task());
      writer.write(new Archive(dataset, archive, workspace), zip, TaskMonitor.NONE);
      UploadResult upload = client.uploads().upload("datasets", remoteId, zip, "application/zip");
      List<SyncEntry> entries = new ArrayList<>(archive.size());
      for (Outgoing o : archive) {
        entries.add(new SyncEntry(o.image().hash(), null, o.uploadName(), upload.sessionId(), o.image().revision(),
            o.fingerprint()));
      }
      workspace.sync().putEntries(dataset.id(), entries);
      client.datasets().ingest(
          IngestRequest.ofUpload(upload.sessionId()).intoSplit(archive.get(0).image().split().apiName()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the upload archive: " + e.getMessage(), e);
    }
  }

  /** The images of one archive, under their upload names. */
  private record Archive(Dataset dataset, List<Outgoing> images, Workspace workspace) implements ExportSource {
    @Override
    public long imageCount() {
      return images.size();
    }

    @Override
    public void forEach(Consumer<ExportItem> out, TaskMonitor monitor) {
      for (Outgoing o : images) {
        ImageRecord r = o.image();
        ImageRecord named = new ImageRecord(r.hash(), o.uploadName(), r.width(), r.height(), r.size(), r.split(),
            r.labelCount(), r.hasError(), r.errorReason(), r.url(), r.createdAt(), r.updatedAt(), r.revision());
        out.accept(new ExportItem(named, o.labels(), workspace.content().path(r.hash())));
      }
    }
  }
}
