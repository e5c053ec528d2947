package dev.loupe.app.gui.similar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.FakeInsight;
import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.grid.LabelingRequest;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.insight.SimilarImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The similar-images model over a scripted insight; tasks run in line. */
class SimilarViewModelTest {
  private final Dataset dataset = new Dataset("d1", "demo", "demo", null, Task.DETECT, TestWorkspaces.CLASSES,
      null, null, null, null, Instant.EPOCH, Instant.EPOCH, 1);
  private final BackgroundTasks tasks = new BackgroundTasks(Runnable::run, System::nanoTime);
  private final SimilarRequest request = new SimilarRequest(dataset, "h0", "img_0.jpg");

  private static void fx(Runnable action) {
    Fx.run(action);
    Fx.run(() -> {});
  }

  @Test
  void theNearestImagesAreShownAndOneOpensWithItsNeighbours() {
    FakeInsight insight = new FakeInsight();
    insight.similar = List.of(new SimilarImage("h1", "img_1.jpg", 0.05), new SimilarImage("h2", "img_2.jpg", 0.25));
    SimilarViewModel model = Fx.call(() -> new SimilarViewModel(() -> insight, tasks, request, 24));
    List<LabelingRequest> opened = new ArrayList<>();
    model.setOnOpen(opened::add);
    fx(model::load);
    assertThat(insight.similarCalls).containsExactly("h0 k=24 builtin");
    assertThat(model.results()).extracting(SimilarImage::hash).containsExactly("h1", "h2");
    assertThat(model.messageProperty().get()).isNull();
    assertThat(model.loadingProperty().get()).isFalse();
    assertThat(model.title()).isEqualTo("Images like img_0.jpg");
    assertThat(SimilarViewModel.distanceText(0.25)).isEqualTo("0.250");

    fx(() -> model.open(1));
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).hashes()).containsExactly("h0", "h1", "h2");
    assertThat(opened.get(0).index()).isEqualTo(2);
    assertThat(opened.get(0).dataset()).isEqualTo(dataset);
  }

  @Test
  void noNeighboursAndFailuresAreSaid() {
    FakeInsight none = new FakeInsight();
    SimilarViewModel empty = Fx.call(() -> new SimilarViewModel(() -> none, tasks, request, 24));
    fx(empty::load);
    assertThat(empty.messageProperty().get()).isEqualTo("No other images to compare with.");

    FakeInsight failing = new FakeInsight();
    failing.similarFailure = new dev.loupe.core.workspace.NotFoundException("no image h0 in dataset demo");
    SimilarViewModel broken = Fx.call(() -> new SimilarViewModel(() -> failing, tasks, request, 24));
    fx(broken::load);
    assertThat(broken.messageProperty().get()).isEqualTo("Cannot find similar images: no image h0 in dataset demo");
    assertThat(broken.results()).isEmpty();
  }
}
