package dev.loupe.core.io;

/**
 * How much an archive may expand to before extraction stops: bytes actually written (headers are
 * not trusted) and entries seen.
 */
public record ArchiveLimits(long maxTotalBytes, int maxEntries) {
  /** 20 GiB and 2,000,000 entries: room for COCO-sized datasets, not for a zip bomb. */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(20L << 30, 2_000_000);

  public ArchiveLimits {
    if (maxTotalBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }
}
