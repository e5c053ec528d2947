package dev.loupe.labeling.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Task;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.TestImages;
import dev.loupe.labeling.model.Edits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The session over a real workspace, without the view (calls made on the FX thread, as the view makes them). */
class LabelingSessionTest {
  private static final BoxLabel BOX = new BoxLabel(1, 0.5, 0.5, 0.2, 0.2);

  @TempDir Path tmp;
  private Workspace ws;
  private List<String> hashes;
  private LabelingSession session;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(tmp.resolve("ws"));
    ws.datasets().create(NewDataset.of("d", Task.DETECT, List.of("a", "b")));
    hashes = TestImages.add(ws, "d", 320, 240, List.of(List.of(BOX), List.of(), List.of(), List.of()));
    session = fx(() -> new LabelingSession(ws, "d", hashes));
  }

  @AfterEach
  void close() throws Exception {
    fx(() -> {
      session.close();
      return null;
    });
    ws.close();
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
  }

  private OpenImage go(int index) throws Exception {
    return fx(() -> session.goTo(index)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void navigation_loads_labels_and_each_image_keeps_its_history() throws Exception {
    OpenImage first = go(0);
    assertThat(first.document().labels()).containsExactly(BOX);
    assertThat(first.image().width()).isEqualTo(320);
    fx(() -> {
      session.perform(Edits.changeClass(first.document(), List.of(first.document().shapes().get(0).id()), 0));
      return null;
    });
    OpenImage second = fx(session::next).get(10, TimeUnit.SECONDS);
    assertThat(second.index()).isEqualTo(1);
    assertThat(second.document().labels()).isEmpty();
    OpenImage back = fx(session::previous).get(10, TimeUnit.SECONDS);
    assertThat(back.document()).isSameAs(first.document());
    assertThat(fx(session::undo)).isTrue();
    assertThat(session.flush()).isEmpty();
    assertThat(ws.labels().get("d", hashes.get(0))).containsExactly(BOX);
    assertThat(go(99).index()).isEqualTo(3); // clamped to the list
  }

  @Test
  void labels_the_dataset_refuses_are_reported_not_lost_from_the_screen() throws Exception {
    OpenImage open = go(1);
    fx(() -> {
      session.perform(Edits.paste(open.document(), List.of(new BoxLabel(5, 0.5, 0.5, 0.1, 0.1))));
      return null;
    });
    Map<String, RuntimeException> failures = session.flush();
    assertThat(failures).containsOnlyKeys(hashes.get(1));
    assertThat(failures.get(hashes.get(1)).getMessage()).contains("class 5");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.saveStatusProperty().get()).startsWith("Not saved:");
    assertThat(open.document().labels()).hasSize(1); // still on screen, to be fixed by the user
    assertThat(ws.labels().get("d", hashes.get(1))).isEmpty();
  }

  @Test
  void pre_labelling_skips_labelled_images_and_can_be_cancelled() throws Exception {
    go(0);
    fx(() -> {
      session.preLabelerProperty().set(hash -> List.of(new Proposal(new BoxLabel(0, 0.3, 0.3, 0.1, 0.1), 0.8)));
      return null;
    });
    int[] calls = {0};
    TaskMonitor stopAfterTwo = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        calls[0]++;
      }

      @Override
      public boolean isCancelled() {
        return calls[0] > 2;
      }
    };
    try {
      session.preLabelAllUnlabeled(stopAfterTwo);
    } catch (dev.loupe.core.task.CancelledException expected) {
      // stopped before the last image
    }
    assertThat(session.flush()).isEmpty();
    assertThat(ws.labels().get("d", hashes.get(0))).containsExactly(BOX);
    assertThat(ws.labels().get("d", hashes.get(1))).hasSize(1);
    assertThat(ws.labels().get("d", hashes.get(2))).hasSize(1);
    assertThat(ws.labels().get("d", hashes.get(3))).isEmpty();
    List<Label> current = fx(() -> session.preLabelCurrent()).get(10, TimeUnit.SECONDS) == 1
        ? fx(() -> session.current().document().labels()) : List.of();
    assertThat(current).hasSize(2);
  }
}
