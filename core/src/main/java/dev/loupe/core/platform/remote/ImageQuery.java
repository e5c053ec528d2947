package dev.loupe.core.platform.remote;

/**
 * The query of {@code GET /api/datasets/{id}/images}; null parameters are left out.
 *
 * @param split train, val or test
 * @param offset the page's start (default 0)
 * @param limit items per page (platform default 50, at most 5000)
 * @param sort newest, oldest, name-asc, name-desc, height-asc, ..., labels-desc
 * @param hasLabel only labeled (true) or unlabeled (false) images
 * @param hasError only images with (true) or without (false) errors
 * @param search a file name or image hash
 * @param classIds comma-separated class ids: images holding any of them
 * @param includeThumbnails signed thumbnail URLs (platform default true)
 * @param includeImageUrls signed full-image URLs (platform default false)
 */
public record ImageQuery(
    String split,
    Integer offset,
    Integer limit,
    String sort,
    Boolean hasLabel,
    Boolean hasError,
    String search,
    String classIds,
    Boolean includeThumbnails,
    Boolean includeImageUrls) {

  public static ImageQuery page(int offset, int limit) {
    return new ImageQuery(null, offset, limit, null, null, null, null, null, null, null);
  }

  public ImageQuery withSplit(String value) {
    return new ImageQuery(value, offset, limit, sort, hasLabel, hasError, search, classIds, includeThumbnails, includeImageUrls);
  }

  public ImageQuery withSort(String value) {
    return new ImageQuery(split, offset, limit, value, hasLabel, hasError, search, classIds, includeThumbnails, includeImageUrls);
  }

  public ImageQuery withHasLabel(Boolean value) {
    return new ImageQuery(split, offset, limit, sort, value, hasError, search, classIds, includeThumbnails, includeImageUrls);
  }

  public ImageQuery withSearch(String value) {
    return new ImageQuery(split, offset, limit, sort, hasLabel, hasError, value, classIds, includeThumbnails, includeImageUrls);
  }

  public ImageQuery withClassIds(String value) {
    return new ImageQuery(split, offset, limit, sort, hasLabel, hasError, search, value, includeThumbnails, includeImageUrls);
  }

  /** With signed full-image URLs and without thumbnails (what a download needs). */
  public ImageQuery forDownload() {
    return new ImageQuery(split, offset, limit, sort, hasLabel, hasError, search, classIds, false, true);
  }
}
