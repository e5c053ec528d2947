package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.inference.ModelInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectModelStoreTest {
  private static final ModelInfo POSE =
      new ModelInfo("onnx", Task.POSE, List.of("person"), 640, 480, 32, true, new KptShape(17, 3), 3,
          Map.of("task", "pose", "author", "Ultralytics"));
  private static final Function<Path, ModelInfo> INSPECT_POSE = p -> POSE;

  @TempDir Path dir;

  /**
   * A clock that moves on 1 ms at each reading. Lists are in creation time order (ties by id), and
   * two writes can now fall in the same millisecond.
   */
  private static final class TickingClock extends Clock {
    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.getAndIncrement());
    }
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void projectsAreCreatedUpdatedListedAndDeletedOnlyWhenEmpty() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"), new TickingClock())) {
      Project p = ws.projects().create(new NewProject(null, "Detection experiments", "first tries", null));
      assertThat(p.id()).startsWith("prj_");
      assertThat(p.slug()).isEqualTo("detection-experiments");
      assertThat(p.visibility()).isEqualTo(Visibility.PRIVATE);
      assertThat(p.iconLetter()).isEqualTo("D");
      assertThat(p.iconColor()).startsWith("#");
      assertThat(ws.projects().create(NewProject.of("Detection experiments")).slug())
          .isEqualTo("detection-experiments-2");
      assertThatThrownBy(() -> ws.projects().create(new NewProject("detection-experiments", "x", null, null)))
          .isInstanceOf(ConflictException.class);

      Project updated =
          ws.projects().update(p.slug(), new ProjectPatch("Detect", null, Visibility.PUBLIC));
      assertThat(updated.name()).isEqualTo("Detect");
      assertThat(updated.description()).isEqualTo("first tries");
      assertThat(updated.visibility()).isEqualTo(Visibility.PUBLIC);
      assertThat(ws.projects().list()).extracting(Project::id).first().isEqualTo(p.id());

      ModelRecord m = ws.models().importFile(file("best.onnx", "onnx bytes"), NewModel.defaults().inProject(p.id()), INSPECT_POSE);
      assertThatThrownBy(() -> ws.projects().delete(p.slug()))
          .isInstanceOf(ConflictException.class)
          .hasMessage("project 'detection-experiments' holds 1 model: move or delete them first");
      ws.models().move(m.id(), null);
      ws.projects().delete(p.slug());
      assertThat(ws.projects().find(p.id())).isEmpty();
      assertThatThrownBy(() -> ws.projects().require("nope")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void anImportedModelRecordsWhatTheFileSaysAndIsStoredOnceByHash() throws Exception {
    Path root = dir.resolve("ws");
    ModelRecord first;
    try (Workspace ws = Workspace.open(root)) {
      Project p = ws.projects().create(NewProject.of("Pose"));
      Path[] inspected = new Path[1];
      first =
          ws.models().importFile(
              file("yolo11n-pose.onnx", "the same bytes"), NewModel.defaults().inProject(p.slug()),
              path -> {
                inspected[0] = path;
                return POSE;
              });
      assertThat(inspected[0].getFileName().toString()).endsWith(".onnx");
      assertThat(first.id()).startsWith("mdl_");
      assertThat(first.slug()).isEqualTo("yolo11n-pose");
      assertThat(first.projectId()).isEqualTo(p.id());
      assertThat(first.task()).isEqualTo(Task.POSE);
      assertThat(first.classNames()).containsExactly("person");
      assertThat(first.imgszH()).isEqualTo(640);
      assertThat(first.imgszW()).isEqualTo(480);
      assertThat(first.endToEnd()).isTrue();
      assertThat(first.kptShape()).isEqualTo(new KptShape(17, 3));
      assertThat(first.metadata()).containsEntry("author", "Ultralytics");
      assertThat(first.fileHash()).isEqualTo(ContentStore.sha256("the same bytes".getBytes()));
      assertThat(first.fileSize()).isEqualTo(14);
      Path stored = ws.models().runnableFile(first);
      assertThat(stored).isEqualTo(root.resolve("models").resolve(first.fileHash().substring(0, 2))
          .resolve(first.fileHash() + ".onnx"));
      assertThat(Files.readString(stored)).isEqualTo("the same bytes");
      assertThat(Files.list(root.resolve("tmp"))).isEmpty();

      ModelRecord copy = ws.models().importFile(file("copy.onnx", "the same bytes"), NewModel.defaults().named("Copy"), INSPECT_POSE);
      assertThat(ws.models().file(copy)).isEqualTo(stored);
      assertThat(ws.models().list(null)).extracting(ModelRecord::slug).containsExactly("yolo11n-pose", "copy");
      assertThat(ws.models().list(p.id())).extracting(ModelRecord::slug).containsExactly("yolo11n-pose");

      ws.models().delete(copy.slug());
      assertThat(stored).exists(); // still held by the first model
    }
    try (Workspace ws = Workspace.open(root)) {
      assertThat(ws.models().require(first.id())).isEqualTo(first);
      ws.models().delete(first.id());
      assertThat(ws.models().file(first)).doesNotExist();
      assertThat(ws.models().list(null)).isEmpty();
    }
  }

  @Test
  void aFileGivenWhereAModelIsAskedForIsTheNewestModelOfItsContentOrImportedOnce() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"), new TickingClock())) {
      ModelRecord older = ws.models().importFile(file("a.onnx", "weights"), NewModel.defaults(), INSPECT_POSE);
      ModelRecord newer = ws.models().importFile(file("b.onnx", "weights"), NewModel.defaults(), INSPECT_POSE);

      assertThat(ws.models().registered(file("c.onnx", "weights"), INSPECT_POSE)).isEqualTo(newer);
      assertThat(ws.models().list(null)).containsExactly(older, newer);

      ModelRecord other = ws.models().registered(file("d.onnx", "other weights"), INSPECT_POSE);
      assertThat(other.slug()).isEqualTo("d");
      assertThat(ws.models().registered(dir.resolve("d.onnx"), INSPECT_POSE)).isEqualTo(other);
      assertThat(ws.models().list(null)).hasSize(3);
      assertThat(Files.list(dir.resolve("ws").resolve("tmp"))).isEmpty();
    }
  }

  @Test
  void aPtCheckpointIsRecordedButCannotRunAndSaysHowToExportIt() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ModelRecord pt =
          ws.models().importFile(file("best.pt", "pickle"), NewModel.defaults(), p -> {
            throw new IllegalArgumentException("not an ONNX or TorchScript file");
          });
      assertThat(pt.format()).isEqualTo("pt");
      assertThat(pt.task()).isNull();
      assertThat(pt.classNames()).isEmpty();
      assertThat(pt.inspectError()).isEqualTo("not an ONNX or TorchScript file");
      assertThat(pt.runnable()).isFalse();
      assertThat(ws.models().file(pt).getFileName().toString()).endsWith(".pt");
      assertThatThrownBy(() -> ws.models().runnableFile(pt))
          .isInstanceOf(ModelNotRunnableException.class)
          .hasMessageContaining("cannot run")
          .hasMessageContaining("yolo export model=best.pt format=onnx");
    }
  }

  @Test
  void unreadableOrUnknownModelFilesAreRefusedAndLeaveNothing() throws Exception {
    Path root = dir.resolve("ws");
    try (Workspace ws = Workspace.open(root)) {
      assertThatThrownBy(() -> ws.models().importFile(file("broken.onnx", "junk"), NewModel.defaults(), p -> {
            throw new IllegalStateException("protobuf parsing failed");
          }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("cannot read model broken.onnx: protobuf parsing failed");
      // an inspector's message names the file it read, the staged copy: the user sees their file's name
      assertThatThrownBy(() -> ws.models().importFile(file("empty.onnx", ""), NewModel.defaults(), p -> {
            throw new IllegalStateException(p.getFileName() + " is not a readable ONNX file");
          }))
          .hasMessage("cannot read model empty.onnx: empty.onnx is not a readable ONNX file");
      assertThatThrownBy(() -> ws.models().importFile(file("weights.h5", "x"), NewModel.defaults(), INSPECT_POSE))
          .hasMessage("cannot import weights.h5: Loupe takes .onnx, .torchscript and .pt model files");
      assertThatThrownBy(() -> ws.models().importFile(dir.resolve("missing.onnx"), NewModel.defaults(), INSPECT_POSE))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
      assertThat(ws.models().list(null)).isEmpty();
      try (var files = Files.walk(root.resolve("models"))) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
      assertThat(Files.list(root.resolve("tmp"))).isEmpty();
    }
  }

  @Test
  void modelsAreRenamedAndMovedBetweenProjects() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Project a = ws.projects().create(NewProject.of("A"));
      Project b = ws.projects().create(NewProject.of("B"));
      ModelRecord m = ws.models().importFile(file("m.onnx", "m"), NewModel.defaults().inProject("a"), INSPECT_POSE);
      assertThat(ws.models().move(m.slug(), b.slug()).projectId()).isEqualTo(b.id());
      assertThat(ws.models().list("a")).isEmpty();
      ModelRecord renamed = ws.models().update(m.id(), "Best pose", "epoch 87");
      assertThat(renamed.name()).isEqualTo("Best pose");
      assertThat(renamed.description()).isEqualTo("epoch 87");
      assertThat(renamed.slug()).isEqualTo("m");
      assertThatThrownBy(() -> ws.models().move(m.id(), "nope")).isInstanceOf(NotFoundException.class);
      assertThat(a.id()).isNotEqualTo(b.id());
    }
  }
}
