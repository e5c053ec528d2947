package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.training.FakeYolo;
import dev.loupe.training.TrainingTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code loupe train} against the repository's fake yolo (no Python). */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake yolo's launcher is a shell script")
class TrainCommandTest {
  @TempDir Path dir;
  private Cli cli;

  @BeforeEach
  void dataset() throws IOException {
    cli = new Cli(dir.resolve("ws")).runtime(ModelRuntime.engines());
    Path folder = TrainingTestData.yoloFolder(dir.resolve("pets"), 6, 3, 1);
    cli.ok("import", folder.toString(), "--name", "pets", "--no-thumbnails");
  }

  private String yolo(Map<String, String> env) throws IOException {
    return FakeYolo.install(dir.resolve("bin" + env.hashCode()), env).toString();
  }

  @Test
  void trainsLocallyReportingEachEpochAndTheModelMade() throws IOException {
    Cli.Result r = cli.run("train", "pets", "--local", "--epochs", "3", "--imgsz", "64", "--batch", "4",
        "--name", "first", "--yolo", yolo(Map.of()), "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode run = r.json().get("run");
    assertThat(run.get("status").asText()).isEqualTo("completed");
    assertThat(run.get("name").asText()).isEqualTo("first");
    assertThat(run.get("epochs").asInt()).isEqualTo(3);
    assertThat(run.get("metrics").get("mAP50").asDouble()).isEqualTo(0.9);
    assertThat(run.get("metrics").get("mAP50-95").asDouble()).isEqualTo(0.54);
    assertThat(run.get("metrics").has("precision")).isTrue();
    assertThat(run.get("metrics").has("recall")).isTrue();
    String model = run.get("model").asText();
    assertThat(r.errLines()).anyMatch(l -> l.startsWith("training run " + run.get("id").asText() + " (first) started"))
        .anyMatch(l -> l.startsWith("epoch 1/3  mAP50 0.3667"))
        .anyMatch(l -> l.startsWith("epoch 3/3  mAP50 0.9000"));

    JsonNode models = cli.json("models", "list");
    assertThat(models.toString()).contains(model).contains(run.get("onnxModel").asText());

    JsonNode list = cli.json("train", "list");
    assertThat(list.get("runs")).hasSize(1);
    assertThat(list.get("runs").get(0).get("id").asText()).isEqualTo(run.get("id").asText());
    JsonNode status = cli.json("train", "status", run.get("id").asText()).get("run");
    assertThat(status.get("epochHistory")).hasSize(3);
    assertThat(status.get("epochHistory").get(0).get("metrics/mAP50(B)").asDouble()).isEqualTo(0.36667);
    assertThat(status.get("console").asText()).contains("3 epochs completed");
    assertThat(cli.ok("train", "status", run.get("id").asText()).out()).contains("completed, 3/3 epochs")
        .contains("mAP50 0.9000");
  }

  @Test
  void withoutYoloItSaysHowToInstallUltralyticsAndRecordsNothing() {
    Cli.Result r = cli.run("train", "pets", "--local");
    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.err()).contains("pip install ultralytics").doesNotContain("unexpected");
    assertThat(cli.json("train", "list").get("runs")).isEmpty();
  }

  @Test
  void cloudAndAMissingChoiceAreAnsweredClearly() {
    Cli.Result cloud = cli.run("train", "pets", "--cloud", "--device", "0");
    assertThat(cloud.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(cloud.err()).contains("--device is for --local training; the cloud takes --gpu-type");
    Cli.Result gpuHere = cli.run("train", "pets", "--local", "--gpu-type", "rtx-4090");
    assertThat(gpuHere.err()).contains("--gpu-type and --project are for --cloud training");
    Cli.Result none = cli.run("train", "pets");
    assertThat(none.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(none.err()).contains("--local or --cloud");
    Cli.Result bad = cli.run("train", "pets", "--local", "--epochs", "0", "--yolo", "/no/such/yolo");
    assertThat(bad.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(bad.err()).contains("is not an executable program");
  }

  @Test
  void aCrashedRunFailsAndResumes() throws IOException {
    Cli.Result crashed = cli.run("train", "pets", "--local", "--epochs", "4", "--imgsz", "64",
        "--yolo", yolo(Map.of("FAKE_YOLO_CRASH_AT", "3")), "--json");
    assertThat(crashed.exit()).isEqualTo(ErrorReporter.FAILURE);
    JsonNode run = crashed.json().get("run");
    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(run.get("model").isNull()).isTrue();
    assertThat(crashed.err()).contains("CUDA out of memory");
    String id = run.get("id").asText();

    Cli.Result ended = cli.run("train", "cancel", id);
    assertThat(ended.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(ended.err()).contains("has ended already (failed)");

    JsonNode resumed = cli.json("train", "resume", id, "--yolo", yolo(Map.of())).get("run");
    assertThat(resumed.get("status").asText()).isEqualTo("completed");
    assertThat(resumed.get("epochs").asInt()).isEqualTo(4);
    assertThat(resumed.get("model").isNull()).isFalse();
  }

  @Test
  void cancelFromAnotherCommandStopsARunningTraining() throws Exception {
    String slow = yolo(Map.of("FAKE_YOLO_EPOCH_MILLIS", "300", "FAKE_YOLO_CHILD", "1"));
    CompletableFuture<Cli.Result> training = CompletableFuture.supplyAsync(
        () -> cli.run("train", "pets", "--local", "--epochs", "500", "--yolo", slow, "--json"));
    Path runs = dir.resolve("ws").resolve("training");
    Path results = null;
    while (results == null && !training.isDone()) {
      Thread.sleep(100);
      results = findResults(runs);
    }
    assertThat(results).as("the training wrote its results.csv").isNotNull();
    String id = runs.relativize(results).getName(0).toString();

    JsonNode live = cli.json("train", "status", id).get("run");
    assertThat(live.get("status").isNull()).isTrue();
    assertThat(live.get("epochs").asInt()).isPositive();
    assertThat(live.get("epochsTotal").asInt()).isEqualTo(500);
    assertThat(live.get("metrics").get("mAP50").asDouble()).isPositive();
    assertThat(live.get("note").asText()).contains("in use by another Loupe process");

    Cli.Result cancel = cli.run("train", "cancel", id);
    assertThat(cancel.exit()).as(cancel.err()).isZero();
    assertThat(cancel.out()).contains("asked to cancel run " + id);

    Cli.Result r = training.get(2, TimeUnit.MINUTES);
    assertThat(r.exit()).isEqualTo(ErrorReporter.CANCELLED);
    JsonNode run = r.json().get("run");
    assertThat(run.get("status").asText()).isEqualTo("cancelled");
    assertThat(ProcessHandle.of(pid(id)).filter(ProcessHandle::isAlive)).isEmpty();
    long child = Long.parseLong(Files.readString(results.resolveSibling("child.pid")).trim());
    assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).isEmpty();
  }

  private long pid(String runId) {
    try (var ws = dev.loupe.core.workspace.Workspace.open(dir.resolve("ws"))) {
      return ws.trainingRuns().require(runId).pid();
    }
  }

  private static Path findResults(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(runs)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().equals("results.csv")).toList();
      return found.isEmpty() || Files.readAllLines(found.get(0)).size() < 2 ? null : found.get(0);
    }
  }
}
