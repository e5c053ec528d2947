package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.IngestRequest;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.UploadComplete;
import dev.loupe.core.platform.remote.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedFileUrlsTest {
  /** A clock the test moves. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.now();

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
      return now;
    }
  }

  @TempDir Path dir;
  final MovableClock clock = new MovableClock();
  HubFixture hub;
  RemoteDataset dataset;

  @BeforeEach
  void start() {
    hub = new HubFixture(dir, HubConfig.defaults().withPort(0).withLimits(HubFixture.WIDE).withClock(clock));
    dataset = hub.client.datasets().create(new NewDataset(null, "Pets", "detect", null, null, List.of("cat")));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private String imageUrl() throws Exception {
    Path file = Files.write(dir.resolve("a.png"), HubFixture.png(30, 30, 1));
    String hash = hub.client.uploads().upload("images", dataset.id(), file, "image/png").sha256();
    return hub.client.images().imageUrls(dataset.id(), List.of(hash)).get(hash);
  }

  @Test
  void aTamperedOrExpiredUrlIsRefusedWith403() throws Exception {
    String url = imageUrl();
    assertThat(hub.client.transfers().download(url, dir.resolve("ok")).bytes()).isPositive();
    String otherPath = url.replace("/images/", "/thumbnails/");
    assertThatThrownBy(() -> hub.client.transfers().download(otherPath, dir.resolve("x")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(403));
    String otherSignature = url.substring(0, url.length() - 4) + "0000";
    assertThatThrownBy(() -> hub.client.transfers().download(otherSignature, dir.resolve("y")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(403));
    clock.now = clock.now.plus(Duration.ofHours(2));
    assertThatThrownBy(() -> hub.client.transfers().download(url, dir.resolve("z")))
        .isInstanceOf(PlatformException.class).hasMessageContaining("expired");
  }

  @Test
  void completingTwiceRepeatsTheAnswerAndAddsNothingMore() throws Exception {
    Path file = Files.write(dir.resolve("b.png"), HubFixture.png(30, 30, 2));
    var signed = hub.client.uploads().signedUrl(new dev.loupe.core.platform.remote.SignedUploadRequest(
        "images", dataset.id(), "b.png", "image/png", Files.size(file)));
    hub.client.transfers().upload(signed.uploadUrl(), file, "image/png");
    hub.client.uploads().complete(new UploadComplete(signed.sessionId(), null));
    hub.client.uploads().complete(new UploadComplete(signed.sessionId(), null));
    assertThat(hub.client.datasets().get(dataset.id()).imageCount()).isEqualTo(1);
  }

  @Test
  void aSecondUploadOfTheSameImageAddsNoSecondImage() throws Exception {
    Path file = Files.write(dir.resolve("c.png"), HubFixture.png(30, 30, 3));
    UploadResult first = hub.client.uploads().upload("images", dataset.id(), file, "image/png");
    UploadResult second = hub.client.uploads().upload("images", dataset.id(), file, "image/png");
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(hub.client.datasets().get(dataset.id()).imageCount()).isEqualTo(1);
  }

  @Test
  void anUploadLargerThanTheJsonBodyLimitGoesThroughWhole() throws Exception {
    byte[] bytes = new byte[12 << 20];
    new java.util.Random(5).nextBytes(bytes);
    Path file = Files.write(dir.resolve("big.bin"), bytes);
    UploadResult up = hub.client.uploads().upload("datasets", dataset.id(), file, "application/octet-stream");
    assertThat(up.bytes()).isEqualTo(bytes.length);
    assertThat(up.sha256()).isEqualTo(dev.loupe.core.workspace.ContentStore.sha256(file));
  }

  @Test
  void ingestTakesUploadedArchivesOnly() throws Exception {
    assertThatThrownBy(() -> hub.client.datasets().ingest(IngestRequest.ofUrl("https://example.com/d.zip")))
        .isInstanceOf(PlatformException.class).hasMessageContaining("fetches no remote URLs");
    Path file = Files.write(dir.resolve("d.png"), HubFixture.png(30, 30, 4));
    UploadResult image = hub.client.uploads().upload("images", dataset.id(), file, "image/png");
    assertThatThrownBy(() -> hub.client.datasets().ingest(IngestRequest.ofUpload(image.sessionId())))
        .isInstanceOf(PlatformException.class).hasMessageContaining("only a 'datasets' upload can be ingested");
    UploadResult archive = hub.client.uploads().upload("datasets", "brand-new",
        HubFixture.yoloZip(dir.resolve("new.zip"), 2, 9), "application/zip");
    var job = hub.client.datasets().ingest(IngestRequest.ofUpload(archive.sessionId()));
    assertThat(job.datasetId()).isNotEqualTo(dataset.id());
    assertThat(hub.client.datasets().get(job.datasetId()).imageCount()).isEqualTo(2);
    var again = hub.client.datasets().ingest(IngestRequest.ofUpload(archive.sessionId()));
    assertThat(again.datasetId()).isEqualTo(job.datasetId());
    assertThat(hub.workspace.datasets().list()).hasSize(2);
  }
}
