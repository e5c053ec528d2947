package dev.loupe.core.platform;

import dev.loupe.core.platform.remote.ExportList;
import dev.loupe.core.platform.remote.NewExport;
import dev.loupe.core.platform.remote.RemoteExport;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Model exports: {@code /api/exports...}, polling until done, and the download of the result. */
public final class ExportsApi {
  private final PlatformHttp http;
  private final SignedTransfers transfers;
  private final PlatformClock clock;

  ExportsApi(PlatformHttp http, SignedTransfers transfers, PlatformClock clock) {
    this.http = http;
    this.transfers = transfers;
    this.clock = clock;
  }

  /** {@code GET /api/exports?modelId=...[&status=][&limit=]}. */
  public ExportList list(String modelId, String status, Integer limit) {
    return Responses.read(http.send(ApiRequest.get("exports")
        .query("modelId", modelId).query("status", status).query("limit", limit)), ExportList.class);
  }

  /** {@code POST /api/exports} (export budget); sent once. */
  public RemoteExport create(NewExport body) {
    return Responses.read(http.send(ApiRequest.post("exports").json(body).category(RateCategory.EXPORT)),
        RemoteExport.class, "export");
  }

  /** {@code GET /api/exports/{id}}. */
  public RemoteExport get(String exportId) {
    return Responses.read(http.send(ApiRequest.get("exports", exportId)), RemoteExport.class, "export");
  }

  /** {@code DELETE /api/exports/{id}}: cancels the export. */
  public void cancel(String exportId) {
    http.send(ApiRequest.delete("exports", exportId));
  }

  /**
   * Polls {@code GET /api/exports/{id}} every {@code interval} until the export is done and returns
   * it.
   *
   * @throws PlatformException when it failed or was cancelled on the platform, or did not finish
   *     within {@code timeout}
   * @throws CancelledException when the monitor is cancelled
   */
  public RemoteExport await(String exportId, Duration interval, Duration timeout, TaskMonitor monitor) {
    Instant deadline = clock.now().plus(timeout);
    while (true) {
      monitor.checkCancelled();
      RemoteExport export = get(exportId);
      monitor.progress(-1, -1, "export " + exportId + ": " + export.status());
      if (export.isDone()) {
        return export;
      }
      if (export.isFailed()) {
        throw new PlatformException(0, ErrorCode.UNKNOWN, export.error(),
            "export " + exportId + " " + export.status() + (export.error() == null ? "" : ": " + export.error()), null);
      }
      if (!clock.now().plus(interval).isBefore(deadline)) {
        throw new PlatformException(0, ErrorCode.UNKNOWN, null,
            "export " + exportId + " not done after " + timeout.toSeconds() + " s (status " + export.status() + ")", null);
      }
      try {
        clock.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      }
    }
  }

  /** Downloads a finished export's file to {@code target}. */
  public SignedTransfers.Download download(RemoteExport export, Path target) {
    if (export.downloadUrl() == null) {
      throw new IllegalArgumentException("export " + export.id() + " has no download URL (status " + export.status() + ")");
    }
    return transfers.download(export.downloadUrl(), target);
  }
}
