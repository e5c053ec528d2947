package dev.loupe.core.workspace;

/** The twelve sorts of {@code GET /api/datasets/{id}/images}. Ties are broken by insertion order. */
public enum ImageSort {
  NEWEST("newest", Key.SEQ, true),
  OLDEST("oldest", Key.SEQ, false),
  NAME_ASC("name-asc", Key.NAME, false),
  NAME_DESC("name-desc", Key.NAME, true),
  HEIGHT_ASC("height-asc", Key.HEIGHT, false),
  HEIGHT_DESC("height-desc", Key.HEIGHT, true),
  WIDTH_ASC("width-asc", Key.WIDTH, false),
  WIDTH_DESC("width-desc", Key.WIDTH, true),
  SIZE_ASC("size-asc", Key.SIZE, false),
  SIZE_DESC("size-desc", Key.SIZE, true),
  LABELS_ASC("labels-asc", Key.LABELS, false),
  LABELS_DESC("labels-desc", Key.LABELS, true);

  /** The column an order is built on. */
  enum Key {
    SEQ,
    NAME,
    HEIGHT,
    WIDTH,
    SIZE,
    LABELS
  }

  private final String apiName;
  private final Key key;
  private final boolean descending;

  ImageSort(String apiName, Key key, boolean descending) {
    this.apiName = apiName;
    this.key = key;
    this.descending = descending;
  }

  public String apiName() {
    return apiName;
  }

  Key key() {
    return key;
  }

  boolean descending() {
    return descending;
  }

  public static ImageSort parse(String value) {
    for (ImageSort sort : values()) {
      if (sort.apiName.equalsIgnoreCase(value)) {
        return sort;
      }
    }
    throw new IllegalArgumentException(
        "unknown sort '" + value + "' (valid: newest, oldest, name-asc, name-desc, height-asc,"
            + " height-desc, width-asc, width-desc, size-asc, size-desc, labels-asc, labels-desc)");
  }
}
