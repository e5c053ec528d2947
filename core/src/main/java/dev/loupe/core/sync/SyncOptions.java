package dev.loupe.core.sync;

/**
 * How a sync moves images.
 *
 * @param archiveImages at most this many images per uploaded archive
 * @param archiveBytes at most about this many image bytes per uploaded archive
 * @param uploadThreads archives built and uploaded at once (each archive's signed-url, complete and
 *     ingest calls still wait for the client's upload budget)
 * @param downloadThreads images fetched at once from their signed URLs
 */
public record SyncOptions(int archiveImages, long archiveBytes, int uploadThreads, int downloadThreads) {
  public SyncOptions {
    if (archiveImages < 1 || archiveBytes < 1 || uploadThreads < 1 || downloadThreads < 1) {
      throw new IllegalArgumentException("sync options must be positive");
    }
  }

  /**
   * 2,000 images or 256 MB per archive (10,000 images of 60 KB are 5 archives, 15 upload calls),
   * 3 archives and 8 downloads at once.
   */
  public static SyncOptions defaults() {
    return new SyncOptions(2000, 256L << 20, 3, 8);
  }

  public SyncOptions withArchiveImages(int value) {
    return new SyncOptions(value, archiveBytes, uploadThreads, downloadThreads);
  }

  public SyncOptions withUploadThreads(int value) {
    return new SyncOptions(archiveImages, archiveBytes, value, downloadThreads);
  }

  public SyncOptions withDownloadThreads(int value) {
    return new SyncOptions(archiveImages, archiveBytes, uploadThreads, value);
  }
}
