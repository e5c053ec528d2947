package dev.loupe.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Push against a fake platform: the remote dataset made, images sent once, runs cut off resumed. */
class PushTest {
  @TempDir Path dir;
  FakePlatform platform;
  Workspace local;
  PlatformClient client;

  void start(boolean platformNames) throws Exception {
    platform = new FakePlatform(dir.resolve("remote"), platformNames);
    local = Workspace.open(dir.resolve("local"));
    client = platform.client();
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    local.close();
    platform.close();
  }

  PlatformSync sync(SyncOptions options) {
    return new PlatformSync(local, client, options);
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void pushCreatesTheRemoteDatasetAndSendsImagesLabelsAndSplitsOnce(boolean platformNames) throws Exception {
    start(platformNames);
    Dataset d = SyncTestData.dataset(local, dir, "pets", 9, 1);
    PushResult first = sync(SyncOptions.defaults().withArchiveImages(4)).push("pets", "pets-remote", TaskMonitor.NONE);

    assertThat(first.remoteSlug()).isEqualTo("pets-remote");
    assertThat(first.uploaded()).isEqualTo(9);
    assertThat(first.skipped()).isZero();
    Dataset remote = platform.remote.datasets().require("pets-remote");
    assertThat(remote.classNames()).containsExactly("cat", "dog");
    assertThat(remote.task()).isEqualTo(d.task());
    Map<String, ImageRecord> theirs = platform.images(remote.id());
    for (ImageRecord mine : LocalImages.of(local, d.id()).values()) {
      ImageRecord r = theirs.get(mine.hash());
      assertThat(r).as(mine.filename()).isNotNull();
      assertThat(r.split()).isEqualTo(mine.split());
      assertThat(platform.remote.labels().get(remote.id(), r.hash())).isEqualTo(local.labels().get(d.id(), mine.hash()));
    }
    assertThat(platform.ingests.get()).isEqualTo(3);
    assertThat(local.sync().entries(d.id()).values()).allSatisfy(e -> assertThat(e.known()).isTrue());

    PushResult again = sync(SyncOptions.defaults()).push("pets", null, TaskMonitor.NONE);
    assertThat(again.uploaded()).isZero();
    assertThat(again.skipped()).isEqualTo(9);
    assertThat(platform.puts.get()).isEqualTo(3);
    assertThat(platform.received.values()).hasSize(9).containsOnly(1);
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void aPushCutOffMidUploadGoesOnWithoutSendingAnythingTwice(boolean platformNames) throws Exception {
    start(platformNames);
    Dataset d = SyncTestData.dataset(local, dir, "pets", 10, 20);
    platform.putsBeforeDrop.set(1);
    platform.dropPuts.set(1000);
    SyncOptions options = SyncOptions.defaults().withArchiveImages(3).withUploadThreads(1);
    assertThatThrownBy(() -> sync(options).push("pets", null, TaskMonitor.NONE))
        .isInstanceOf(PlatformException.Unreachable.class);
    assertThat(platform.received).hasSize(3);

    platform.dropPuts.set(0);
    PushResult resumed = sync(options).push("pets", null, TaskMonitor.NONE);

    assertThat(resumed.uploaded()).isEqualTo(7);
    assertThat(resumed.skipped()).isEqualTo(3);
    assertThat(platform.received).hasSize(10).allSatisfy((sha, times) -> assertThat(times).isEqualTo(1));
    assertThat(platform.images(platform.remote.datasets().require("pets").id())).hasSize(10);
    assertThat(platform.puts.get()).isEqualTo(4);
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void anIngestWhoseAnswerWasLostIsNotSentAgain(boolean platformNames) throws Exception {
    start(platformNames);
    SyncTestData.dataset(local, dir, "pets", 5, 40);
    platform.loseIngestAnswers.set(1);
    SyncOptions options = SyncOptions.defaults().withArchiveImages(5);
    assertThatThrownBy(() -> sync(options).push("pets", null, TaskMonitor.NONE)).isInstanceOf(PlatformException.class);
    int putsBefore = platform.puts.get();

    PushResult resumed = sync(options).push("pets", null, TaskMonitor.NONE);

    assertThat(resumed.uploaded()).isZero();
    assertThat(resumed.skipped()).isEqualTo(5);
    assertThat(platform.puts.get()).isEqualTo(putsBefore);
    assertThat(platform.received).hasSize(5).allSatisfy((sha, times) -> assertThat(times).isEqualTo(1));
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void aCancelledPushStopsAfterTheArchiveInFlightAndTheNextOneSendsTheRest(boolean platformNames) throws Exception {
    start(platformNames);
    SyncTestData.dataset(local, dir, "pets", 12, 60);
    java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    TaskMonitor monitor = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        messages.add(message);
        if (message.startsWith("uploaded")) {
          cancel.set(true);
        }
      }

      @Override
      public boolean isCancelled() {
        return cancel.get();
      }
    };
    SyncOptions options = SyncOptions.defaults().withArchiveImages(3).withUploadThreads(1);
    assertThatThrownBy(() -> sync(options).push("pets", null, monitor))
        .isInstanceOf(dev.loupe.core.task.CancelledException.class);
    assertThat(messages).contains("uploaded 3 of 12 images");
    assertThat(platform.received).hasSize(3);

    PushResult rest = sync(options).push("pets", null, TaskMonitor.NONE);

    assertThat(rest.uploaded()).isEqualTo(9);
    assertThat(platform.received).hasSize(12).allSatisfy((sha, times) -> assertThat(times).isEqualTo(1));
  }
}
