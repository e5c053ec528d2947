package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Task;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunsTest {
  @TempDir Path dir;

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

  private static Map<String, Double> values(double map50) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("time", 1.0);
    values.put("metrics/mAP50(B)", map50);
    values.put("lr/pg0", 0.01);
    return values;
  }

  @Test
  void aRunIsRecordedFromQueuedToItsEnd() {
    try (Workspace ws = Workspace.open(dir.resolve("ws"), CLOCK)) {
      String dataset = ws.datasets().create(NewDataset.of("Pets", Task.DETECT, List.of("cat"))).id();
      Map<String, String> args = new LinkedHashMap<>();
      args.put("model", "yolo11n.pt");
      args.put("epochs", "3");
      TrainingRun run = ws.trainingRuns().create(new NewTrainingRun("pets", 2, "local", Task.DETECT, "r1", args, 3));
      assertThat(run.id()).startsWith("trn_");
      assertThat(run.datasetId()).isEqualTo(dataset);
      assertThat(run.datasetVersion()).isEqualTo(2);
      assertThat(run.status()).isEqualTo(TrainingRun.QUEUED);
      assertThat(run.active()).isTrue();
      assertThat(run.args().keySet()).containsExactly("model", "epochs");
      assertThat(run.startedAt()).isNull();

      run = ws.trainingRuns().started(run.id(), "/runs/r1", 4242);
      assertThat(run.status()).isEqualTo(TrainingRun.RUNNING);
      assertThat(run.pid()).isEqualTo(4242L);
      assertThat(run.startedAt()).isEqualTo(CLOCK.instant());

      ws.trainingRuns().recordEpochs(run.id(), List.of(new TrainingEpoch(1, values(0.2)), new TrainingEpoch(2,
          values(0.3))), values(0.3));
      assertThat(ws.trainingRuns().require(run.id()).metrics()).containsEntry("metrics/mAP50(B)", 0.3);
      ws.trainingRuns().recordEpochs(run.id(), List.of(new TrainingEpoch(2, values(0.35))), values(0.35));
      List<TrainingEpoch> epochs = ws.trainingRuns().epochs(run.id());
      assertThat(epochs).extracting(TrainingEpoch::epoch).containsExactly(1, 2);
      assertThat(epochs.get(1).value("metrics/mAP50(B)")).isEqualTo(0.35);
      assertThat(epochs.get(1).values().keySet()).containsExactly("time", "metrics/mAP50(B)", "lr/pg0");
      assertThat(ws.trainingRuns().require(run.id()).epochsDone()).isEqualTo(2);

      ws.trainingRuns().saveConsole(run.id(), "line 1\nline 2\n");
      run = ws.trainingRuns().finish(run.id(), TrainingRun.COMPLETED, null, epochs.get(1).values(), "mdl_1", null);
      assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
      assertThat(run.active()).isFalse();
      assertThat(run.metrics()).containsEntry("metrics/mAP50(B)", 0.35);
      assertThat(run.modelId()).isEqualTo("mdl_1");
      assertThat(run.onnxModelId()).isNull();
      assertThat(run.consoleTail()).isEqualTo("line 1\nline 2\n");
      assertThat(run.finishedAt()).isEqualTo(CLOCK.instant());
      assertThat(ws.trainingRuns().list()).containsExactly(run);
    }
  }

  @Test
  void unknownRunsAndEndsAreRefused() {
    try (Workspace ws = Workspace.open(dir.resolve("ws"), CLOCK)) {
      ws.datasets().create(NewDataset.of("Pets", Task.DETECT, List.of("cat")));
      TrainingRun run = ws.trainingRuns().create(new NewTrainingRun("pets", null, "local", Task.DETECT, null, Map.of(), 1));
      assertThat(run.name()).startsWith("pets-");
      assertThatThrownBy(() -> ws.trainingRuns().finish(run.id(), TrainingRun.RUNNING, null, Map.of(), null, null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> ws.trainingRuns().require("trn_nope")).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("loupe train list");
      assertThatThrownBy(() -> ws.trainingRuns().epochs("trn_nope")).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> ws.trainingRuns().create(
          new NewTrainingRun("nope", null, "local", Task.DETECT, null, Map.of(), 1)))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void runsStillQueuedOrRunningAreInterruptedWhenTheWorkspaceOpens() {
    String queued;
    String running;
    String done;
    try (Workspace ws = Workspace.open(dir.resolve("ws"), CLOCK)) {
      ws.datasets().create(NewDataset.of("Pets", Task.DETECT, List.of("cat")));
      TrainingRuns runs = ws.trainingRuns();
      queued = runs.create(new NewTrainingRun("pets", null, "local", Task.DETECT, "a", Map.of(), 1)).id();
      running = runs.create(new NewTrainingRun("pets", null, "local", Task.DETECT, "b", Map.of(), 1)).id();
      runs.started(running, "/runs/b", 1);
      done = runs.create(new NewTrainingRun("pets", null, "local", Task.DETECT, "c", Map.of(), 1)).id();
      runs.finish(done, TrainingRun.FAILED, "boom", Map.of(), null, null);
    }
    try (Workspace ws = Workspace.open(dir.resolve("ws"), CLOCK)) {
      assertThat(ws.trainingRuns().require(queued).status()).isEqualTo(TrainingRun.INTERRUPTED);
      assertThat(ws.trainingRuns().require(running).status()).isEqualTo(TrainingRun.INTERRUPTED);
      assertThat(ws.trainingRuns().require(done).status()).isEqualTo(TrainingRun.FAILED);
      assertThat(ws.trainingRuns().require(done).message()).isEqualTo("boom");
    }
  }
}
