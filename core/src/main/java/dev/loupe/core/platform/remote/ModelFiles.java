package dev.loupe.core.platform.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/models/{id}/files}: signed download URLs of the model's files. The reference gives
 * no example; a single {@code downloadUrl} and a {@code files} list are both read.
 */
public record ModelFiles(String downloadUrl, List<ModelFile> files) {
  /** One file: its name, format and size when given, and its signed URL. */
  public record ModelFile(String name, String format, Long size, String url, String downloadUrl) {
    public String link() {
      return downloadUrl != null ? downloadUrl : url;
    }
  }

  /** Every signed URL in the answer, the single one first. */
  public List<String> links() {
    List<String> all = new ArrayList<>();
    if (downloadUrl != null) {
      all.add(downloadUrl);
    }
    if (files != null) {
      files.stream().map(ModelFile::link).filter(l -> l != null && !all.contains(l)).forEach(all::add);
    }
    return all;
  }
}
