package dev.loupe.core.platform.remote;

import java.util.List;

/** {@code GET /api/exports?modelId=...}. */
public record ExportList(List<RemoteExport> exports, Long total) {
  public ExportList {
    exports = exports == null ? List.of() : List.copyOf(exports);
  }
}
