package dev.loupe.app.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.sync.PullResult;
import dev.loupe.core.sync.PushResult;
import dev.loupe.core.sync.SyncResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sync panel's lines, from the bundle, read exactly as they did when they were built in code. */
class SyncTextsTest {
  private static PullResult pulled(long imported, List<String> failed) {
    ImportReport report = new ImportReport();
    report.imported(imported, 0);
    return new PullResult(null, report, 2, 1, failed);
  }

  @Test
  void aPushSaysWhatWentAndHowManyProblems() {
    assertThat(SyncPanelViewModel.describe(new PushResult("r1", "pets", 1234, 2, 3, 0, 4, List.of())))
        .isEqualTo("Pushed to pets: 1234 uploaded, 2 already there, 3 label changes, 4 deletions.");
    assertThat(SyncPanelViewModel.describe(new PushResult("r1", "pets", 0, 0, 0, 0, 0, List.of("a", "b"))))
        .isEqualTo("Pushed to pets: 0 uploaded, 0 already there, 0 label changes, 0 deletions; 2 problems.");
  }

  @Test
  void aPullSaysWhatCameAndWhatCouldNotBeFetched() {
    assertThat(SyncPanelViewModel.describe(pulled(5, List.of())))
        .isEqualTo("Pulled 5 new images, 2 updated, 1 deleted.");
    assertThat(SyncPanelViewModel.describe(pulled(5, List.of("x"))))
        .isEqualTo("Pulled 5 new images, 2 updated, 1 deleted; 1 could not be fetched (next pull tries again).");
  }

  @Test
  void aSyncJoinsBothAndCountsTheOpenConflicts() {
    SyncResult r = new SyncResult(new PushResult("r1", "pets", 1, 0, 0, 0, 0, List.of()), pulled(0, List.of()),
        List.of());
    assertThat(SyncPanelViewModel.describe(r)).isEqualTo("Pushed to pets: 1 uploaded, 0 already there, 0 label"
        + " changes, 0 deletions. Pulled 0 new images, 2 updated, 1 deleted. 0 open conflicts.");
  }

  @Test
  void theStateLineCountsConflictsInTheSingularAndThePlural() {
    String[] expected = {"0 conflicts.", "1 conflict.", "2 conflicts.", "12345 conflicts."};
    int[] counts = {0, 1, 2, 12345};
    for (int i = 0; i < counts.length; i++) {
      assertThat(Messages.text("sync.state.linked", counts[i], "pets", "https://p", "2026-01-02 03:04", "3", "1000"))
          .isEqualTo("Linked to pets on https://p, last sync 2026-01-02 03:04; 3 of 1000 images new or changed here; "
              + expected[i]);
    }
    assertThat(Messages.text("sync.state.unlinked", 12345L))
        .isEqualTo("Not linked: Push creates the dataset on the platform; 12345 images here.");
  }
}
