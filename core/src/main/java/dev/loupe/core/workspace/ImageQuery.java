package dev.loupe.core.workspace;

import dev.loupe.core.domain.Split;
import java.util.Set;

/**
 * The query of {@code GET /api/datasets/{id}/images}: sort, filters (null = any), and either an
 * offset or the cursor of a previous page. A cursor makes the next page as fast as the first.
 * {@code hashes}, when set, keeps only the images of those hashes (the images behind a heatmap cell);
 * an empty set keeps none.
 */
public record ImageQuery(
    ImageSort sort,
    Split split,
    Boolean hasLabel,
    Boolean hasError,
    String search,
    Set<Integer> classIds,
    Set<String> hashes,
    int offset,
    int limit,
    String cursor) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 5000;

  public ImageQuery {
    sort = sort == null ? ImageSort.NEWEST : sort;
    classIds = classIds == null || classIds.isEmpty() ? null : Set.copyOf(classIds);
    search = search == null || search.isBlank() ? null : search.trim();
    hashes = hashes == null ? null : Set.copyOf(hashes);
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /** A query of any images (no hash filter). */
  public ImageQuery(
      ImageSort sort, Split split, Boolean hasLabel, Boolean hasError, String search, Set<Integer> classIds,
      int offset, int limit, String cursor) {
    this(sort, split, hasLabel, hasError, search, classIds, null, offset, limit, cursor);
  }

  public static ImageQuery all() {
    return new ImageQuery(ImageSort.NEWEST, null, null, null, null, null, 0, DEFAULT_LIMIT, null);
  }

  public ImageQuery withSort(ImageSort newSort) {
    return new ImageQuery(newSort, split, hasLabel, hasError, search, classIds, hashes, offset, limit, cursor);
  }

  public ImageQuery withPage(int newOffset, int newLimit) {
    return new ImageQuery(sort, split, hasLabel, hasError, search, classIds, hashes, newOffset, newLimit, null);
  }

  public ImageQuery withCursor(String newCursor) {
    return new ImageQuery(sort, split, hasLabel, hasError, search, classIds, hashes, 0, limit, newCursor);
  }

  public ImageQuery withSplit(Split newSplit) {
    return new ImageQuery(sort, newSplit, hasLabel, hasError, search, classIds, hashes, offset, limit, cursor);
  }

  public ImageQuery withHasLabel(Boolean value) {
    return new ImageQuery(sort, split, value, hasError, search, classIds, hashes, offset, limit, cursor);
  }

  public ImageQuery withHasError(Boolean value) {
    return new ImageQuery(sort, split, hasLabel, value, search, classIds, hashes, offset, limit, cursor);
  }

  public ImageQuery withSearch(String value) {
    return new ImageQuery(sort, split, hasLabel, hasError, value, classIds, hashes, offset, limit, cursor);
  }

  public ImageQuery withClassIds(Set<Integer> value) {
    return new ImageQuery(sort, split, hasLabel, hasError, search, value, hashes, offset, limit, cursor);
  }

  /** Only the images of these hashes (null: any). */
  public ImageQuery withHashes(Set<String> value) {
    return new ImageQuery(sort, split, hasLabel, hasError, search, classIds, value, offset, limit, cursor);
  }
}
