package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Task;

/**
 * Guesses a dataset's task from the shapes of its label rows, as Ultralytics would read them without
 * being told: only 5-value rows is detect; 9-value rows (with perhaps some 5-value ones) is obb;
 * any other polygon row (7, 11, 13... values) is segment. Also tracks the highest class id, to name
 * classes when the dataset does not. Not thread-safe.
 */
final class TaskGuess {
  private boolean nine;
  private boolean polygon;
  private int maxClassId = -1;

  /** Adds every row of a label file's text. */
  void addFile(String text) {
    for (String line : LabelText.lines(text)) {
      String row = line.strip();
      if (!row.isEmpty()) {
        addRow(LabelText.tokens(row));
      }
    }
  }

  void addRow(String[] tokens) {
    int n = tokens.length;
    if (n == 9) {
      nine = true;
    } else if (n >= 7 && n % 2 == 1) {
      polygon = true;
    }
    try {
      double cls = Double.parseDouble(tokens[0]);
      if (cls == Math.rint(cls) && cls >= 0 && cls < 100_000) {
        maxClassId = Math.max(maxClassId, (int) cls);
      }
    } catch (NumberFormatException e) {
      // a bad row: the reader reports it
    }
  }

  /** Whether more rows can still change the answer (a polygon row settles it). */
  boolean settled() {
    return polygon;
  }

  Task task() {
    if (polygon) {
      return Task.SEGMENT;
    }
    return nine ? Task.OBB : Task.DETECT;
  }

  int maxClassId() {
    return maxClassId;
  }
}
