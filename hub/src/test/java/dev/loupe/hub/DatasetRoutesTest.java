package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.DatasetList;
import dev.loupe.core.platform.remote.DatasetPatch;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.TrashList;
import dev.loupe.core.platform.remote.TrashQuery;
import dev.loupe.core.platform.remote.TrashRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRoutesTest {
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

  @Test
  void createsListsGetsUpdatesAndDeletesADatasetThroughTheClient() {
    RemoteDataset created = hub.client.datasets().create(
        new NewDataset("birds", "Birds", "detect", "field photos", "private", List.of("gull", "tern")));
    assertThat(created.id()).isNotBlank();
    assertThat(created.slug()).isEqualTo("birds");
    assertThat(created.classNames()).containsExactly("gull", "tern");
    assertThat(created.username()).isEqualTo("local");

    DatasetList all = hub.client.datasets().list(DatasetQuery.all());
    assertThat(all.datasets()).extracting(RemoteDataset::slug).containsExactly("birds");
    assertThat(hub.client.datasets().list(DatasetQuery.bySlug("nope")).datasets()).isEmpty();
    assertThat(hub.client.datasets().list(DatasetQuery.all().withUsername("someone-else")).datasets()).isEmpty();

    RemoteDataset got = hub.client.datasets().get(created.id());
    assertThat(got.name()).isEqualTo("Birds");
    assertThat(got.imageCount()).isZero();

    RemoteDataset patched = hub.client.datasets().update(created.id(), new DatasetPatch("Sea birds", null, "public"));
    assertThat(patched.name()).isEqualTo("Sea birds");
    assertThat(patched.visibility()).isEqualTo("public");
    assertThat(patched.description()).isEqualTo("field photos");

    hub.client.datasets().delete(created.id());
    assertThatThrownBy(() -> hub.client.datasets().get(created.id())).isInstanceOf(PlatformException.class)
        .hasMessageContaining("Dataset not found");

    TrashList trash = hub.client.trash().list(TrashQuery.all());
    assertThat(trash.items()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(created.id()));
    hub.client.trash().restore(new TrashRef(created.id(), "dataset"));
    assertThat(hub.client.datasets().get(created.id()).name()).isEqualTo("Sea birds");
  }

  @Test
  void aTrashedDatasetIsDeletedForGoodAndTheTrashPagesByType() {
    RemoteDataset a = hub.client.datasets().create(new NewDataset(null, "A", "detect", null, null, List.of()));
    RemoteDataset b = hub.client.datasets().create(new NewDataset(null, "B", "segment", null, null, List.of()));
    hub.client.datasets().delete(a.id());
    hub.client.datasets().delete(b.id());
    assertThat(hub.client.trash().list(new TrashQuery("dataset", 1, 1, null)).items()).hasSize(1);
    assertThat(hub.client.trash().list(new TrashQuery("dataset", 2, 1, null)).total()).isEqualTo(2);
    assertThat(hub.client.trash().list(new TrashQuery("model", null, null, null)).items()).isEmpty();
    hub.client.trash().deleteForever(new TrashRef(a.id(), "dataset"));
    assertThat(hub.client.trash().list(TrashQuery.all()).items()).extracting(i -> i.id()).containsExactly(b.id());
    assertThatThrownBy(() -> hub.client.trash().restore(new TrashRef(a.id(), "dataset")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(hub.workspace.datasets().find(a.id())).isEmpty();
  }

  @Test
  void aDatasetWithoutTrainingRunsHasNoModels() {
    RemoteDataset d = hub.client.datasets().create(new NewDataset(null, "Fresh", "detect", null, null, List.of()));
    assertThat(hub.client.datasets().models(d.id()).models()).isEmpty();
  }

  @Test
  void refusesABadTaskAndADuplicateSlug() {
    assertThatThrownBy(() -> hub.client.datasets().create(new NewDataset("x", "X", "painting", null, null, List.of())))
        .isInstanceOf(PlatformException.class).hasMessageContaining("unknown task");
    hub.client.datasets().create(new NewDataset("dup", "Dup", "detect", null, null, List.of()));
    assertThatThrownBy(() -> hub.client.datasets().create(new NewDataset("dup", "Dup", "detect", null, null, List.of())))
        .isInstanceOf(PlatformException.class);
  }
}
