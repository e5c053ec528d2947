package dev.loupe.app.gui.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.Fixtures;
import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.core.annotate.AnnotateOptions;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.annotate.AutoAnnotator;
import dev.loupe.core.annotate.ImageSelection;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.session.Proposal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewStoreTest {
  @TempDir Path dir;

  private static Proposal p(Label label, double confidence) {
    return new Proposal(label, confidence);
  }

  @Test
  void the_review_queue_walks_images_by_their_least_confident_prediction() {
    Map<String, List<Proposal>> written = new LinkedHashMap<>();
    BoxLabel box = new BoxLabel(0, 0.5, 0.5, 0.2, 0.2);
    written.put("a", List.of(p(box, 0.9), p(box, 0.8)));
    written.put("b", List.of(p(box, 0.95), p(box, 0.3)));
    written.put("c", List.of(p(box, Double.NaN)));
    written.put("d", List.of(p(box, 0.5)));
    written.put("e", List.of());
    assertThat(ReviewStore.queue(written)).containsExactly("b", "d", "a", "c");
  }

  @Test
  void what_is_left_to_review_survives_a_restart_exactly_and_reviewed_images_drop_out() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Dataset parts = ws.datasets().create(NewDataset.of("parts", Task.SEGMENT, List.of("a", "b")));
      ReviewStore store = new ReviewStore(ws.root().resolve("reviews"));
      assertThat(store.pending(parts)).isEmpty();
      BoxLabel box = new BoxLabel(1, 0.123456789012345, 0.5, 0.2, 0.1);
      PolygonLabel polygon = new PolygonLabel(0, dev.loupe.core.domain.Coords.of(0.1, 0.1, 0.4, 0.1, 0.45, 0.3, 0.3, 0.35));
      store.update(parts, Map.of("h1", List.of(p(box, 0.42)), "h2", List.of(p(polygon, 0.7))));

      Map<String, List<Proposal>> again = new ReviewStore(ws.root().resolve("reviews")).pending(parts);
      assertThat(again).containsOnlyKeys("h1", "h2");
      assertThat(again.get("h2")).containsExactly(p(polygon, 0.7));
      assertThat(again.get("h1").get(0).confidence()).isEqualTo(0.42);
      assertThat(again.get("h1").get(0).label().classId()).isEqualTo(1);

      store.update(parts, Map.of("h1", List.of()));
      assertThat(store.pending(parts)).containsOnlyKeys("h2");
      Files.writeString(ws.root().resolve("reviews").resolve(parts.id() + ".json"), "{broken");
      assertThat(store.pending(parts)).isEmpty();
    }
  }

  @Test
  void a_recorded_annotate_run_gives_each_label_it_wrote_the_models_confidence() throws Exception {
    Path coco8 = Fixtures.require("coco8");
    Path modelFile = Fixtures.require("models/yolov8n_int8.onnx");
    ModelRuntime engines = ModelRuntime.engines();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.importDataset(coco8, ImportOptions.defaults().withName("coco8"), TaskMonitor.NONE);
      Dataset dataset = ws.datasets().require("coco8");
      ModelRecord model = ws.models().importFile(modelFile, NewModel.defaults(), engines::inspect);
      // a human label of each image stays as it is: only what the run wrote is to review
      Map<String, List<Label>> before = new LinkedHashMap<>();
      for (var image : ws.images().list("coco8", dev.loupe.core.workspace.ImageQuery.all()).images()) {
        before.put(image.hash(), ws.labels().get(dataset.id(), image.hash()));
      }
      ReviewRecorder recorder = new ReviewRecorder(ws, dataset.id());
      AnnotateResult result = new AutoAnnotator(ws, engines, recorder)
          .run(dataset.id(), model.id(), AnnotateOptions.of(ImageSelection.all()), TaskMonitor.NONE);

      Map<String, List<Proposal>> written = recorder.written(result.run().id());
      long labels = written.values().stream().mapToLong(List::size).sum();
      assertThat(labels).isEqualTo(result.run().labelsAdded()).isPositive();
      written.forEach((hash, proposals) -> {
        assertThat(proposals).allMatch(p -> p.confidence() >= 0.25 && p.confidence() <= 1);
        List<Label> stored = ws.labels().get(dataset.id(), hash);
        assertThat(stored).containsAll(proposals.stream().map(Proposal::label).toList());
        assertThat(stored).hasSize(before.get(hash).size() + proposals.size());
      });
      List<String> queue = ReviewStore.queue(written);
      double previous = 0;
      for (String hash : queue) {
        double lowest = written.get(hash).stream().mapToDouble(Proposal::confidence).min().orElseThrow();
        assertThat(lowest).isGreaterThanOrEqualTo(previous);
        previous = lowest;
      }
    }
  }
}
