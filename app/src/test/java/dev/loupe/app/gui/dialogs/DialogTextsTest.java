package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.RevertResult;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialogs' texts that come from the bundle by joined keys or plural patterns read as before. */
class DialogTextsTest {
  private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.loupe.app.gui.messages");

  @Test
  void everyScopeHasALabelInTheBundle() {
    for (AutoAnnotateViewModel.Scope scope : AutoAnnotateViewModel.Scope.values()) {
      assertThat(BUNDLE.containsKey(scope.key())).as(scope.key()).isTrue();
    }
    assertThat(Arrays.stream(AutoAnnotateViewModel.Scope.values()).map(Object::toString))
        .containsExactly("All images", "Unlabeled images", "Split train", "Split val", "Split test");
  }

  @Test
  void aRefusedRevertCountsItsImagesInWords() {
    assertThat(AutoAnnotateViewModel.refusedMessage(refused(1, List.of()))).isEqualTo(
        "1 image was edited after the run wrote it. Reverting anyway puts back the labels it had before the run,"
            + " and those edits are lost.");
    assertThat(AutoAnnotateViewModel.refusedMessage(refused(3, List.of()))).isEqualTo(
        "3 images were edited after the run wrote them. Reverting anyway puts back the labels they had before the"
            + " run, and those edits are lost.");
    assertThat(AutoAnnotateViewModel.refusedMessage(refused(0, List.of()))).startsWith("0 images were edited");
    assertThat(AutoAnnotateViewModel.refusedMessage(refused(12345, List.of())))
        .as("no grouping, as before").startsWith("12345 images were edited after the run wrote them.");
    assertThat(AutoAnnotateViewModel.refusedMessage(refused(1, List.of("r1", "r2")))).isEqualTo(
        "Later auto-annotation runs wrote 1 of its images (r1, r2): revert those first. Reverting anyway loses what"
            + " they and any edits since wrote.");
  }

  @Test
  void oneSkippedImageIsSingular(@TempDir Path dir) {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ImportReport report = new ImportReport();
      report.imported(3, 4);
      report.skipped(1);
      List<String> summary =
          ImportViewModel.summary(new ImportResult(TestWorkspaces.synthetic(ws, "d", 1), "yolo", report));
      assertThat(summary).startsWith(
          "Imported 3 images and 4 labels into 'd' (detect, read as yolo).", "Skipped 1 image.", "No problems found.");
    }
  }

  @Test
  void textsWithApostrophesAndNumbersReadAsBefore() {
    assertThat(Messages.text("annotate.addClasses")).isEqualTo("Add the model's classes the dataset lacks");
    assertThat(Messages.text("export.openFolder.failed", "xdg-open"))
        .isEqualTo("neither Java's desktop support nor 'xdg-open' can open folders here");
    assertThat(Messages.text("export.version", 12345, "d")).isEqualTo("d v12345");
    assertThat(Messages.text("annotate.revert", 1500, "completed"))
        .isEqualTo("Revert the last run (1500 images labeled, completed)");
    assertThat(Messages.text("classes.merge.prompt", 2)).isEqualTo("Move the labels of 2 class(es) to:");
  }

  private static RevertResult refused(int edited, List<String> laterRuns) {
    AnnotationRun run = null;
    List<String> images = IntStream.range(0, edited).mapToObj(i -> "h" + i).toList();
    return new RevertResult(run, 0, images, laterRuns, List.of(), List.of(), List.of());
  }
}
