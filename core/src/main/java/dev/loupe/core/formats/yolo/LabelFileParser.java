package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.ImportProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of one YOLO label file into labels, via {@link YoloRows}, and says what was wrong
 * with each bad row. Never throws on bad rows: they are dropped (or, out of range, kept) and
 * described.
 */
final class LabelFileParser {
  /** One problem: its kind, where it was ({@code file:line}) and a sentence for the user. */
  record Finding(ImportProblem kind, String where, String text) {}

  record Result(List<Label> labels, List<Finding> findings) {}

  private final Task task;
  private final KptShape kptShape;
  private final int classCount;

  /**
   * @param classCount number of known classes; ids at or above it are unknown (0 = accept any id)
   */
  LabelFileParser(Task task, KptShape kptShape, int classCount) {
    this.task = task;
    this.kptShape = kptShape;
    this.classCount = classCount;
  }

  /** Parses {@code text}; {@code file} names the label file in problem texts. */
  Result parse(String text, String file) {
    List<Label> labels = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<Label, Integer> firstLine = new HashMap<>();
    List<String> lines = LabelText.lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String raw = i == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
      String row = raw.strip();
      if (row.isEmpty()) {
        continue;
      }
      int lineNo = i + 1;
      String where = file + ":" + lineNo;
      Label label;
      try {
        label = parseRow(row);
      } catch (IllegalArgumentException e) {
        findings.add(bad(ImportProblem.BAD_ROW, where, e.getMessage(), row));
        continue;
      }
      if (classCount > 0 && label.classId() >= classCount) {
        findings.add(
            bad(
                ImportProblem.UNKNOWN_CLASS,
                where,
                "class id " + label.classId() + " but the dataset has " + classCount + " classes",
                row));
        continue;
      }
      Integer seen = firstLine.putIfAbsent(label, lineNo);
      if (seen != null) {
        findings.add(
            bad(ImportProblem.DUPLICATE_ROW, where, "duplicate of line " + seen + " (dropped)", row));
        continue;
      }
      double outside = YoloRows.firstOutOfRange(label);
      if (!Double.isNaN(outside)) {
        findings.add(
            bad(
                ImportProblem.OUT_OF_RANGE,
                where,
                "coordinate " + outside + " outside [-0.01, 1.01] (kept)",
                row));
      }
      labels.add(label);
    }
    return new Result(labels, findings);
  }

  private Label parseRow(String row) {
    String[] tokens = LabelText.tokens(row);
    double[] values = new double[tokens.length - 1];
    for (int t = 0; t < tokens.length; t++) {
      if (!LabelText.isNumber(tokens[t])) {
        throw new IllegalArgumentException("'" + tokens[t] + "' is not a number");
      }
      if (t > 0) {
        values[t - 1] = Double.parseDouble(tokens[t]);
      }
    }
    double cls = Double.parseDouble(tokens[0]);
    if (cls != Math.rint(cls) || cls > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("class id '" + tokens[0] + "' is not a whole number");
    }
    return YoloRows.parse(task, kptShape, (int) cls, values);
  }

  private static Finding bad(ImportProblem kind, String where, String reason, String row) {
    return new Finding(kind, where, where + ": " + reason + ": '" + row + "'");
  }
}
