package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Task;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.NewTrainingRun;
import dev.loupe.core.workspace.SplitCount;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake yolo's launcher is a shell script")
class LocalTrainingBackendTest {
  @TempDir Path dir;

  private Workspace open() {
    return Workspace.open(dir.resolve("ws"));
  }

  private LocalTrainingBackend backend(Workspace ws, Map<String, String> env) throws IOException {
    Path launcher = FakeYolo.install(dir.resolve("bin-" + env.hashCode()), env);
    return new LocalTrainingBackend(ws, YoloCli.locate(launcher, null), TrainingTestData.INSPECTOR);
  }

  private String dataset(Workspace ws) throws IOException {
    return TrainingTestData.importDataset(ws, TrainingTestData.yoloFolder(dir.resolve("src"), 6, 3, 2), "pets");
  }

  private static TrainRequest request(String dataset, int epochs) {
    return new TrainRequest(dataset, null, TrainArgs.defaults(Task.DETECT).withEpochs(epochs).withImgsz(64));
  }

  /** A monitor cancelled once {@code when} has been told an epoch. */
  private static final class Stopper implements TaskMonitor, TrainingListener {
    volatile boolean cancelled;
    final List<Integer> epochs = new CopyOnWriteArrayList<>();
    final List<String> console = new CopyOnWriteArrayList<>();
    final Consumer<TrainingRun> atFirstEpoch;

    Stopper(Consumer<TrainingRun> atFirstEpoch) {
      this.atFirstEpoch = atFirstEpoch;
    }

    @Override
    public void progress(long done, long total, String message) {}

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void epoch(TrainingRun run, TrainingEpoch epoch) {
      epochs.add(epoch.epoch());
      if (epochs.size() == 1 && atFirstEpoch != null) {
        atFirstEpoch.accept(run);
      }
    }

    @Override
    public void consoleLine(String line) {
      console.add(line);
    }
  }

  @Test
  void aCompletedRunRecordsEveryEpochAndRegistersItsModels() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      Stopper listener = new Stopper(null);
      TrainingRun run = backend(ws, Map.of()).train(request(slug, 3), listener, listener);

      assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
      assertThat(run.message()).isNull();
      assertThat(run.epochsDone()).isEqualTo(3);
      assertThat(listener.epochs).containsExactly(1, 2, 3);
      List<TrainingEpoch> epochs = ws.trainingRuns().epochs(run.id());
      assertThat(epochs).extracting(TrainingEpoch::epoch).containsExactly(1, 2, 3);
      assertThat(epochs.get(0).value("metrics/mAP50(B)")).isEqualTo(ResultsHeaders.value("metrics/mAP50(B)", 1, 3));
      assertThat(run.metrics()).isEqualTo(epochs.get(2).values());
      assertThat(run.args()).containsEntry("epochs", "3").containsEntry("imgsz", "64")
          .containsEntry("model", "yolo11n.pt");
      assertThat(run.consoleTail()).contains("3 epochs completed");

      ModelRecord pt = ws.models().require(run.modelId());
      assertThat(pt.format()).isEqualTo("pt");
      assertThat(pt.task()).isEqualTo(Task.DETECT);
      assertThat(pt.classNames()).containsExactly("cat", "dog");
      assertThat(pt.metadata()).containsEntry("loupe_training_run", run.id())
          .containsEntry("metrics/mAP50(B)", "0.9");
      assertThat(pt.description()).contains(run.id()).contains("mAP50 0.9000");
      ModelRecord onnx = ws.models().require(run.onnxModelId());
      assertThat(onnx.runnable()).isTrue();
      assertThat(onnx.classNames()).containsExactly("cat", "dog");
      assertThat(onnx.imgszH()).isEqualTo(64);
      assertThat(onnx.metadata()).containsEntry("loupe_training_run", run.id());

      // the yolo run folder, as yolo was told it (project/name)
      Path runDir = Path.of(run.runDir());
      assertThat(runDir).isEqualTo(TrainingFolders.of(ws.root(), run.id()).runDir(run.name()));
      assertThat(Files.readString(runDir.resolve("args.yaml")))
          .contains("data: " + TrainingFolders.of(ws.root(), run.id()).data().resolve("data.yaml"))
          .contains("exist_ok: True").contains("batch: 16");
    }
  }

  @Test
  void theExportedDatasetTheTrainingGetsHasTheDatasetsSplitCounts() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun run = backend(ws, Map.of()).train(request(slug, 1), TrainingListener.NONE, TaskMonitor.NONE);
      String seen = Files.readString(Path.of(run.runDir()).resolve("seen.txt"));
      StringBuilder expected = new StringBuilder();
      Map<String, Long> counts = new java.util.HashMap<>();
      for (SplitCount c : ws.images().splitCounts(slug)) {
        counts.put(c.split().apiName(), c.images());
      }
      for (String split : List.of("train", "val", "test")) {
        expected.append(split).append('=').append(counts.getOrDefault(split, 0L)).append('\n');
      }
      assertThat(seen).isEqualTo(expected.toString()).isEqualTo("train=6\nval=3\ntest=2\n");
    }
  }

  @Test
  void aCrashEndsTheRunFailedWithItsStderrKept() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun run = backend(ws, Map.of("FAKE_YOLO_CRASH_AT", "3"))
          .train(request(slug, 5), TrainingListener.NONE, TaskMonitor.NONE);
      assertThat(run.status()).isEqualTo(TrainingRun.FAILED);
      assertThat(run.message()).startsWith("yolo exited with code 1").contains("CUDA out of memory");
      assertThat(run.consoleTail()).contains("Traceback (most recent call last):");
      assertThat(run.epochsDone()).isEqualTo(2);
      assertThat(run.modelId()).isNull();
      assertThat(ws.models().list(null)).isEmpty();
      assertThat(ws.trainingRuns().require(run.id())).isEqualTo(run);
    }
  }

  @Test
  void cancelKillsTheWholeProcessTree() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      Stopper stopper = new Stopper(null);
      Stopper listener = new Stopper(r -> stopper.cancelled = true);
      TrainingRun run = backend(ws, Map.of("FAKE_YOLO_EPOCH_MILLIS", "300", "FAKE_YOLO_CHILD", "1"))
          .train(request(slug, 200), listener, stopper);
      assertThat(run.status()).isEqualTo(TrainingRun.CANCELLED);
      assertThat(run.message()).contains("of 200 epochs");
      assertThat(run.epochsDone()).isBetween(1, 199);
      // the best epoch so far is kept, as for a run interrupted by a killed process
      assertThat(run.metrics()).isEqualTo(ws.trainingRuns().epochs(run.id()).get(run.epochsDone() - 1).values());
      assertNoProcessLeft(run);
    }
  }

  @Test
  void aCancelRequestLeftByAnotherProcessStopsTheRun() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      Stopper listener = new Stopper(r -> {
        try {
          assertThat(TrainingFolders.of(ws.root(), r.id()).requestCancel()).isTrue();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      TrainingRun run = backend(ws, Map.of("FAKE_YOLO_EPOCH_MILLIS", "300", "FAKE_YOLO_CHILD", "1"))
          .train(request(slug, 200), listener, TaskMonitor.NONE);
      assertThat(run.status()).isEqualTo(TrainingRun.CANCELLED);
      assertThat(TrainingFolders.of(ws.root(), run.id()).cancelRequested()).isFalse();
      assertNoProcessLeft(run);
    }
  }

  private static void assertNoProcessLeft(TrainingRun run) throws IOException {
    assertThat(ProcessHandle.of(run.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    long child = Long.parseLong(Files.readString(Path.of(run.runDir()).resolve("child.pid")).trim());
    assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aFailedRunResumesFromLastPtToTheEnd() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun failed = backend(ws, Map.of("FAKE_YOLO_CRASH_AT", "3"))
          .train(request(slug, 4), TrainingListener.NONE, TaskMonitor.NONE);
      assertThat(failed.status()).isEqualTo(TrainingRun.FAILED);

      Stopper listener = new Stopper(null);
      TrainingRun resumed = backend(ws, Map.of()).resume(failed.id(), listener, listener);
      assertThat(resumed.status()).isEqualTo(TrainingRun.COMPLETED);
      assertThat(resumed.id()).isEqualTo(failed.id());
      assertThat(resumed.epochsDone()).isEqualTo(4);
      assertThat(listener.console).anyMatch(l -> l.startsWith("Resuming training") && l.endsWith("from epoch 3"));
      assertThat(ws.trainingRuns().epochs(failed.id())).extracting(TrainingEpoch::epoch).containsExactly(1, 2, 3, 4);
      assertThat(resumed.modelId()).isNotNull();
      assertThat(resumed.startedAt()).isEqualTo(failed.startedAt());

      assertThatThrownBy(() -> backend(ws, Map.of()).resume(failed.id(), listener, listener))
          .isInstanceOf(ConflictException.class).hasMessageContaining("nothing to resume");
    }
  }

  @Test
  void aRunWithoutACheckpointCannotResume() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun failed = backend(ws, Map.of("FAKE_YOLO_CRASH_AT", "1"))
          .train(request(slug, 4), TrainingListener.NONE, TaskMonitor.NONE);
      assertThatThrownBy(() -> backend(ws, Map.of()).resume(failed.id(), TrainingListener.NONE, TaskMonitor.NONE))
          .isInstanceOf(ConflictException.class).hasMessageContaining("no weights/last.pt");
    }
  }

  @Test
  void aFailedOnnxExportStillRegistersBestPt() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun run = backend(ws, Map.of("FAKE_YOLO_EXPORT_FAIL", "1"))
          .train(request(slug, 2), TrainingListener.NONE, TaskMonitor.NONE);
      assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
      assertThat(run.modelId()).isNotNull();
      assertThat(run.onnxModelId()).isNull();
      assertThat(run.message()).contains("'yolo export format=onnx' exited with code 1")
          .contains("onnx not installed");
    }
  }

  @Test
  void chattyProgressBarsKeepOnlyTheirLastState() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun run = backend(ws, Map.of("FAKE_YOLO_CHATTY", "5000"))
          .train(request(slug, 2), TrainingListener.NONE, TaskMonitor.NONE);
      assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
      assertThat(run.consoleTail()).contains("2/2  batch 5000/5000").doesNotContain("batch 4999/5000");
    }
  }

  @Test
  void runsLeftRunningByAKilledProcessAreInterruptedOnOpen() throws IOException {
    String id;
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun run = ws.trainingRuns().create(
          new NewTrainingRun(slug, null, "local", Task.DETECT, null, Map.of("epochs", "5"), 5));
      assertThat(run.status()).isEqualTo(TrainingRun.QUEUED);
      assertThat(run.name()).startsWith("pets-");
      id = ws.trainingRuns().started(run.id(), dir.resolve("run").toString(), 12345).id();
      assertThat(ws.trainingRuns().require(id).status()).isEqualTo(TrainingRun.RUNNING);
    }
    try (Workspace ws = open()) {
      TrainingRun run = ws.trainingRuns().require(id);
      assertThat(run.status()).isEqualTo(TrainingRun.INTERRUPTED);
      assertThat(run.finishedAt()).isNotNull();
      assertThat(run.message()).contains("ended before the run did");
      assertThat(ws.trainingRuns().list()).extracting(TrainingRun::id).containsExactly(id);
    }
  }

  @Test
  void aWrongTaskOrVersionFailsBeforeARunIsMade() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      LocalTrainingBackend backend = backend(ws, Map.of());
      assertThatThrownBy(() -> backend.train(new TrainRequest(slug, null, TrainArgs.defaults(Task.POSE)),
          TrainingListener.NONE, TaskMonitor.NONE)).hasMessageContaining("is a detect dataset, not pose");
      assertThatThrownBy(() -> backend.train(new TrainRequest(slug, 7, TrainArgs.defaults(Task.DETECT)),
          TrainingListener.NONE, TaskMonitor.NONE)).hasMessageContaining("7");
      assertThat(ws.trainingRuns().list()).isEmpty();
    }
  }

  @Test
  void cancellingAnInterruptedRunKillsTheYoloALoupeLeftBehind() throws IOException {
    Path launcher = FakeYolo.install(dir.resolve("bin-left"), Map.of("FAKE_YOLO_EPOCH_MILLIS", "500"));
    String id;
    ProcessHandle leftover;
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      TrainingRun run = ws.trainingRuns().create(
          new NewTrainingRun(slug, null, "local", Task.DETECT, "left", Map.of(), 100));
      id = run.id();
      TrainingFolders folders = TrainingFolders.of(ws.root(), id);
      Files.createDirectories(folders.root());
      ws.exportDataset(slug, "yolo", folders.data(), TaskMonitor.NONE);
      // started and never stopped, as when the Loupe running it is killed
      YoloProcess process = YoloCli.at(launcher).start(
          List.of("detect", "train", "data=" + folders.data().resolve("data.yaml"), "epochs=100",
              "project=" + folders.root(), "name=left", "exist_ok=True"),
          folders.root(), new ConsoleTail(10, line -> {}));
      leftover = process.handle();
      ws.trainingRuns().started(id, folders.runDir("left").toString(), process.pid());
    }
    try (Workspace ws = open()) {
      assertThat(ws.trainingRuns().require(id).status()).isEqualTo(TrainingRun.INTERRUPTED);
      assertThat(leftover.isAlive()).isTrue();
      assertThatThrownBy(() -> backend(ws, Map.of()).resume(id, TrainingListener.NONE, TaskMonitor.NONE))
          .isInstanceOf(ConflictException.class).hasMessageContaining("still has its yolo process " + leftover.pid());
      TrainingRun cancelled = OrphanedRuns.cancel(ws, id);
      assertThat(cancelled.status()).isEqualTo(TrainingRun.CANCELLED);
      assertThat(cancelled.message()).contains("cancelled after it was interrupted").contains("was killed");
      assertThat(leftover.isAlive()).isFalse();
      assertThatThrownBy(() -> OrphanedRuns.cancel(ws, id))
          .isInstanceOf(ConflictException.class).hasMessageContaining("ended already (cancelled)");
    }
  }

  @Test
  void aModelIsExportedAndValidatedThroughTheCli() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      LocalTrainingBackend backend = backend(ws, Map.of());
      TrainingRun run = backend.train(request(slug, 1), TrainingListener.NONE, TaskMonitor.NONE);
      Path weights = Path.of(run.runDir()).resolve("weights");
      Files.delete(weights.resolve("best.onnx"));
      ConsoleTail console = new ConsoleTail(20, line -> {});
      assertThat(backend.exportModel(weights.resolve("best.pt"), "ONNX", 96, console, TaskMonitor.NONE)).isZero();
      assertThat(TrainingTestData.INSPECTOR.apply(weights.resolve("best.onnx")).imgszH()).isEqualTo(96);
      Path data = TrainingFolders.of(ws.root(), run.id()).data().resolve("data.yaml");
      assertThat(backend.validate(Task.DETECT, weights.resolve("best.onnx"), data, "val", 64, console,
          TaskMonitor.NONE)).isZero();
      assertThat(console.text()).contains("export success").contains("all          4");
    }
  }

  @Test
  void aClassifyDatasetTrainsFromItsFolder() throws IOException {
    try (Workspace ws = open()) {
      String slug = TrainingTestData.importDataset(ws,
          TrainingTestData.classifyFolder(dir.resolve("cls"), 6, 4), "shapes");
      TrainingRun run = backend(ws, Map.of()).train(
          new TrainRequest(slug, null, TrainArgs.defaults(Task.CLASSIFY).withEpochs(2).withImgsz(32)),
          TrainingListener.NONE, TaskMonitor.NONE);
      assertThat(run.status()).as(run.message()).isEqualTo(TrainingRun.COMPLETED);
      assertThat(run.args()).containsEntry("model", "yolo11n-cls.pt");
      assertThat(Files.readString(Path.of(run.runDir()).resolve("args.yaml")))
          .contains("data: " + TrainingFolders.of(ws.root(), run.id()).data() + "\n");
      assertThat(Files.readString(Path.of(run.runDir()).resolve("seen.txt"))).isEqualTo("train=6\nval=4\ntest=0\n");
      assertThat(HeadlineMetrics.of(Task.CLASSIFY, run.metrics()).top1()).isEqualTo(0.9);
      assertThat(ws.models().require(run.onnxModelId()).task()).isEqualTo(Task.CLASSIFY);
      assertThat(ws.models().require(run.modelId()).classNames()).containsExactly("cat", "dog");
    }
  }

  @Test
  void aVersionIsTrainedAsItWasMade() throws IOException {
    try (Workspace ws = open()) {
      String slug = dataset(ws);
      int version = ws.versions().create(slug, "before more images", TaskMonitor.NONE).version();
      ws.importDataset(TrainingTestData.yoloFolder(dir.resolve("more"), 4, 0, 0, 100),
          dev.loupe.core.workspace.ImportOptions.defaults().into(slug), TaskMonitor.NONE);
      TrainingRun run = backend(ws, Map.of()).train(
          new TrainRequest(slug, version, TrainArgs.defaults(Task.DETECT).withEpochs(1).withImgsz(64)),
          TrainingListener.NONE, TaskMonitor.NONE);
      assertThat(run.datasetVersion()).isEqualTo(version);
      assertThat(Files.readString(Path.of(run.runDir()).resolve("seen.txt"))).isEqualTo("train=6\nval=3\ntest=2\n");
      assertThat(ws.images().splitCounts(slug)).extracting(SplitCount::images).contains(10L);
    }
  }
}
