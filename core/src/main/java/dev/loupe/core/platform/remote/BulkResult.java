package dev.loupe.core.platform.remote;

/**
 * The answer of the bulk image routes ({@code PATCH}/{@code DELETE /api/datasets/{id}/images/bulk});
 * the reference shows no example, so each count is read when present.
 */
public record BulkResult(Integer count, Integer moved, Integer deleted, Integer updated) {
  /** The one count the server sent, or -1 when it sent none. */
  public int affected() {
    for (Integer n : new Integer[] {count, moved, deleted, updated}) {
      if (n != null) {
        return n;
      }
    }
    return -1;
  }
}
