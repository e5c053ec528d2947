package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.inference.ConstantOnnxModel;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.ModelFiles;
import dev.loupe.core.platform.remote.ModelList;
import dev.loupe.core.platform.remote.ModelPatch;
import dev.loupe.core.platform.remote.ModelQuery;
import dev.loupe.core.platform.remote.NewModel;
import dev.loupe.core.platform.remote.NewProject;
import dev.loupe.core.platform.remote.PredictOptions;
import dev.loupe.core.platform.remote.PredictResponse;
import dev.loupe.core.platform.remote.ProjectPatch;
import dev.loupe.core.platform.remote.ProjectQuery;
import dev.loupe.core.platform.remote.RemoteModel;
import dev.loupe.core.platform.remote.RemoteProject;
import dev.loupe.core.platform.remote.UploadResult;
import dev.loupe.core.workspace.ContentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectModelRoutesTest {
  @TempDir Path dir;
  HubFixture hub;

  @BeforeEach
  void start() {
    hub = new HubFixture(dir);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  /** A detect model that finds one box (10,10)-(20,20) of class 'gull' at 0.9 on any 64x64 input. */
  private Path model() throws Exception {
    float[] rows = new float[10 * 6];
    System.arraycopy(new float[] {10, 10, 20, 20, 0.9f, 0}, 0, rows, 0, 6);
    return new ConstantOnnxModel(1, 3, 64, 64)
        .meta("task", "detect").meta("names", "{0: 'gull'}").meta("imgsz", "[64, 64]").meta("end2end", "True")
        .output(rows, 1, 10, 6)
        .write(dir.resolve("gulls.onnx"));
  }

  @Test
  void projectsAreCreatedListedUpdatedAndDeleted() {
    RemoteProject p = hub.client.projects().create(new NewProject("Gulls", null, "counting gulls"));
    assertThat(p.slug()).isEqualTo("gulls");
    assertThat(p.modelCount()).isZero();
    assertThat(hub.client.projects().list(ProjectQuery.all()).projects()).extracting(RemoteProject::id).containsExactly(p.id());
    assertThat(hub.client.projects().get(p.id()).description()).isEqualTo("counting gulls");
    assertThat(hub.client.projects().update(p.id(), new ProjectPatch("Sea gulls", null, null)).name()).isEqualTo("Sea gulls");
    hub.client.projects().delete(p.id());
    assertThatThrownBy(() -> hub.client.projects().get(p.id()))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aModelUploadedIntoAProjectIsListedServedRenamedPredictedWithAndDeleted() throws Exception {
    RemoteProject p = hub.client.projects().create(new NewProject("Gulls", null, null));
    Path file = model();
    UploadResult up = hub.client.uploads().upload("models", p.id(), file, "application/octet-stream");
    assertThat(up.sha256()).isEqualTo(ContentStore.sha256(file));

    ModelList list = hub.client.models().list(ModelQuery.ofProject(p.id()));
    assertThat(list.models()).hasSize(1);
    RemoteModel m = list.models().get(0);
    assertThat(m.task()).isEqualTo("detect");
    assertThat(m.projectId()).isEqualTo(p.id());
    assertThat(hub.client.projects().get(p.id()).modelCount()).isEqualTo(1);

    ModelFiles files = hub.client.models().files(m.id());
    assertThat(hub.client.transfers().download(files.links().get(0), dir.resolve("back.onnx")).sha256()).isEqualTo(up.sha256());

    assertThat(hub.client.models().update(m.id(), new ModelPatch("gull counter", "v1")).name()).isEqualTo("gull counter");

    Path image = Files.write(dir.resolve("beach.png"), HubFixture.png(64, 64, 5));
    PredictResponse byFile = hub.client.models().predict(m.id(), image, PredictOptions.defaults());
    assertThat(byFile.images()).singleElement().satisfies(i -> {
      assertThat(i.shape()).containsExactly(64, 64);
      assertThat(i.results()).singleElement().satisfies(d -> {
        assertThat(d.name()).isEqualTo("gull");
        assertThat(d.confidence()).isEqualTo(0.9, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(d.box().x1()).isEqualTo(10.0);
      });
    });
    PredictResponse strict = hub.client.models().predict(m.id(),
        Base64.getEncoder().encodeToString(Files.readAllBytes(image)), new PredictOptions(0.95, null, null));
    assertThat(strict.images().get(0).results()).isEmpty();
    assertThatThrownBy(() -> hub.client.models().predict(m.id(), "https://example.com/a.jpg", PredictOptions.defaults()))
        .isInstanceOf(PlatformException.class).hasMessageContaining("fetches no image URLs");

    hub.client.models().delete(m.id());
    assertThat(hub.client.models().list(ModelQuery.ofProject(p.id())).models()).isEmpty();
  }

  @Test
  void aModelWithoutAFileIsRefusedWithTheUploadRouteToUse() {
    RemoteProject p = hub.client.projects().create(new NewProject("Gulls", null, null));
    assertThatThrownBy(() -> hub.client.models().create(new NewModel(p.id(), null, "empty", null, "detect")))
        .isInstanceOf(PlatformException.class).hasMessageContaining("/api/upload/signed-url");
    assertThatThrownBy(() -> hub.client.models().list(ModelQuery.ofProject("nope")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
