package dev.loupe.core.formats;

/** The kinds of bad input an import records and counts instead of aborting. */
public enum ImportProblem {
  CORRUPT_IMAGE("corrupt or truncated image"),
  UNSUPPORTED_IMAGE("not an image format Loupe reads"),
  IMAGE_TOO_SMALL("image smaller than 10 px a side"),
  MISSING_IMAGE("image listed but absent"),
  LABEL_WITHOUT_IMAGE("label file without an image"),
  DUPLICATE_IMAGE("same image bytes twice in the dataset"),
  BAD_ROW("row that is not numbers or has a wrong column count"),
  OUT_OF_RANGE("coordinate outside [-0.01, 1.01] (kept, image flagged)"),
  UNKNOWN_CLASS("class id not in the dataset's classes"),
  DUPLICATE_ROW("duplicate row (dropped, as Ultralytics does)"),
  CROWD_RLE_SKIPPED("COCO crowd RLE annotation (skipped)"),
  ZERO_SIZE_BOX("zero-size box (skipped)"),
  BAD_RECORD("record that could not be read"),
  OTHER("other problem");

  private final String description;

  ImportProblem(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
