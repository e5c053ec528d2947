package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.SignedTransfers;
import dev.loupe.core.platform.remote.BulkResult;
import dev.loupe.core.platform.remote.ImageLabels;
import dev.loupe.core.platform.remote.ImagePage;
import dev.loupe.core.platform.remote.ImageQuery;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.RemoteImage;
import dev.loupe.core.platform.remote.RemoteLabel;
import dev.loupe.core.platform.remote.UploadResult;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.workspace.ContentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRoutesTest {
  @TempDir Path dir;
  HubFixture hub;
  RemoteDataset dataset;

  @BeforeEach
  void start() {
    hub = new HubFixture(dir);
    dataset = hub.client.datasets().create(new NewDataset(null, "Pets", "detect", null, null, List.of("cat", "dog")));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private String uploadImage(String name, long seed) throws Exception {
    Path file = Files.write(dir.resolve(name), HubFixture.png(80, 60, seed));
    UploadResult r = hub.client.uploads().upload("images", dataset.id(), file, "image/png");
    assertThat(r.sha256()).isEqualTo(ContentStore.sha256(file));
    return r.sha256();
  }

  @Test
  void anUploadedImageIsListedLabeledServedMovedAndDeleted() throws Exception {
    String a = uploadImage("a.png", 1);
    String b = uploadImage("b.png", 2);

    ImagePage page = hub.client.images().list(dataset.id(), ImageQuery.page(0, 10).forDownload());
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.images()).extracting(RemoteImage::hash).containsExactlyInAnyOrder(a, b);
    RemoteImage first = page.images().get(0);
    assertThat(first.width()).isEqualTo(80);
    assertThat(first.height()).isEqualTo(60);
    assertThat(first.split()).isEqualTo("train");
    assertThat(first.fullImageUrl()).contains("/files/datasets/" + dataset.id() + "/images/" + first.hash());

    SignedTransfers.Download got = hub.client.transfers().download(first.fullImageUrl(), dir.resolve("got.png"));
    assertThat(got.sha256()).isEqualTo(first.hash());

    hub.client.images().putLabels(dataset.id(), a, List.of(RemoteLabel.box(1, 0.5, 0.5, 0.2, 0.3)));
    ImageLabels labels = hub.client.images().labels(dataset.id(), a);
    assertThat(labels.labels()).containsExactly(RemoteLabel.box(1, 0.5, 0.5, 0.2, 0.3));
    assertThat(labels.classNames()).containsExactly("cat", "dog");
    ClassStats stats = hub.client.datasets().classStats(dataset.id());
    assertThat(stats.classNames()).containsExactly("cat", "dog");
    assertThat(hub.client.datasets().get(dataset.id()).labelCount()).isEqualTo(1);
    assertThat(hub.client.images().list(dataset.id(), ImageQuery.page(0, 10).withHasLabel(true)).images())
        .extracting(RemoteImage::hash).containsExactly(a);

    Map<String, String> urls = hub.client.images().imageUrls(dataset.id(), List.of(a, b));
    assertThat(urls).containsOnlyKeys(a, b);
    assertThat(hub.client.transfers().download(urls.get(b), dir.resolve("b2.png")).sha256()).isEqualTo(b);

    BulkResult moved = hub.client.images().move(dataset.id(), List.of(a), "val");
    assertThat(moved.affected()).isEqualTo(1);
    assertThat(hub.client.images().list(dataset.id(), ImageQuery.page(0, 10).withSplit("val")).images())
        .extracting(RemoteImage::hash).containsExactly(a);

    hub.client.images().delete(dataset.id(), a);
    assertThat(hub.client.images().list(dataset.id(), ImageQuery.page(0, 10)).total()).isEqualTo(1);
    assertThatThrownBy(() -> hub.client.images().labels(dataset.id(), a)).isInstanceOf(PlatformException.class);

    BulkResult deleted = hub.client.images().delete(dataset.id(), List.of(b));
    assertThat(deleted.affected()).isEqualTo(1);
    assertThat(hub.client.images().list(dataset.id(), ImageQuery.page(0, 10)).total()).isZero();
  }

  @Test
  void pagesByOffsetAndByCursorGiveEveryImageOnce() throws Exception {
    Path zip = HubFixture.yoloZip(dir.resolve("pets.zip"), 23, 100);
    UploadResult up = hub.client.uploads().upload("datasets", dataset.id(), zip, "application/zip");
    hub.client.datasets().ingest(dev.loupe.core.platform.remote.IngestRequest.ofUpload(up.sessionId()));

    Set<String> byOffset = new HashSet<>();
    for (int offset = 0; offset < 23; offset += 5) {
      hub.client.images().list(dataset.id(), ImageQuery.page(offset, 5)).images().forEach(i -> byOffset.add(i.hash()));
    }
    assertThat(byOffset).hasSize(23);

    List<String> byCursor = new ArrayList<>();
    var request = dev.loupe.core.platform.ApiRequest.get("datasets", dataset.id(), "images").query("limit", 5);
    String cursor = null;
    do {
      var page = hub.client.send(cursor == null ? request : request.query("cursor", cursor));
      page.get("images").forEach(i -> byCursor.add(i.get("hash").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    assertThat(byCursor).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(byOffset);
  }

  @Test
  void aWrongChecksumIsRefusedAndNothingIsAdded() throws Exception {
    Path file = Files.write(dir.resolve("c.png"), HubFixture.png(40, 40, 3));
    var signed = hub.client.uploads().signedUrl(new dev.loupe.core.platform.remote.SignedUploadRequest(
        "images", dataset.id(), "c.png", "image/png", Files.size(file)));
    hub.client.transfers().upload(signed.uploadUrl(), file, "image/png");
    assertThatThrownBy(() -> hub.client.uploads().complete(
        new dev.loupe.core.platform.remote.UploadComplete(signed.sessionId(), "0".repeat(64))))
        .isInstanceOf(PlatformException.class).hasMessageContaining("checksum mismatch");
    assertThat(hub.client.images().list(dataset.id(), ImageQuery.page(0, 10)).total()).isZero();
  }

  @Test
  void anUnknownImageHashIsA404AndAMalformedOneA400() {
    assertThatThrownBy(() -> hub.client.images().labels(dataset.id(), "a".repeat(64)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> hub.client.images().labels(dataset.id(), "not-a-hash"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
