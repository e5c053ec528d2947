package dev.loupe.app.gui.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.Fixtures;
import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.session.Proposal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPreLabelerTest {
  @TempDir Path dir;

  @Test
  void proposes_the_models_labels_in_the_datasets_classes_loading_the_model_once() throws Exception {
    Path coco8 = Fixtures.require("coco8");
    Path modelFile = Fixtures.require("models/yolov8n_int8.onnx");
    ModelRuntime engines = ModelRuntime.engines();
    AtomicInteger opened = new AtomicInteger();
    PredictorFactory counting =
        file -> {
          opened.incrementAndGet();
          return engines.open(file);
        };
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.importDataset(coco8, ImportOptions.defaults().withName("coco8"), TaskMonitor.NONE);
      ModelRecord model = ws.models().importFile(modelFile, NewModel.defaults(), engines::inspect);
      List<ImageRecord> images =
          ws.images().list("coco8", ImageQuery.all().withSort(ImageSort.NAME_ASC)).images();
      ImageRecord bus = images.stream().filter(i -> i.filename().startsWith("000000000049")).findFirst()
          .orElse(images.get(0));
      List<Label> truth = ws.labels().get("coco8", bus.hash());
      ws.labels().put("coco8", bus.hash(), List.of());

      try (ModelPreLabeler preLabeler =
          new ModelPreLabeler(ws, counting, ws.datasets().require("coco8").id(), model.id(), 0.25, 0.7)) {
        List<Proposal> proposals = preLabeler.predict(bus.hash());
        // each with the model's confidence, at least the threshold asked for
        assertThat(proposals).isNotEmpty().allMatch(p -> p.confidence() >= 0.25 && p.confidence() <= 1);
        List<Label> proposed = proposals.stream().map(Proposal::label).toList();
        assertThat(proposed).allMatch(l -> l instanceof BoxLabel);
        // the model finds the classes the image's own labels name
        assertThat(proposed.stream().map(Label::classId).distinct())
            .containsAnyElementsOf(truth.stream().map(Label::classId).toList());
        // nothing is written: proposals arrive in the labeling view as undoable edits
        assertThat(ws.labels().get("coco8", bus.hash())).isEmpty();

        // an existing label of the same class at IoU >= 0.7 suppresses the proposal
        ws.labels().put("coco8", bus.hash(), List.of(proposed.get(0)));
        assertThat(preLabeler.predict(bus.hash()).stream().map(Proposal::label)).doesNotContain(proposed.get(0));
        for (ImageRecord other : images) {
          preLabeler.predict(other.hash());
        }
      }
      assertThat(opened).as("one model load for every image").hasValue(1);
    }
  }
}
