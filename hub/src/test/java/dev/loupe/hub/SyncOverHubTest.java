package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.PullResult;
import dev.loupe.core.sync.PushResult;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.sync.SyncResult;
import dev.loupe.core.sync.SyncTestData;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync client against a real hub over HTTP on loopback, a real workspace on both ends: push,
 * pull, edits on both sides, a conflict, and a push whose connection is killed mid-upload by a
 * fault-injecting interceptor (nothing lost, nothing sent twice).
 */
class SyncOverHubTest {
  @TempDir Path dir;
  HubFixture hub;
  Workspace alice;
  Workspace bob;
  /** While set, every upload PUT is cut off half way through its body. */
  final AtomicBoolean kill = new AtomicBoolean();
  /** Upload PUTs let through before {@link #kill} is set by the interceptor itself (-1: never). */
  final AtomicInteger killAfter = new AtomicInteger(-1);
  final AtomicInteger completePuts = new AtomicInteger();

  @BeforeEach
  void open() {
    hub = new HubFixture(dir.resolve("hub"));
    alice = Workspace.open(dir.resolve("alice"));
    bob = Workspace.open(dir.resolve("bob"));
  }

  @AfterEach
  void close() {
    alice.close();
    bob.close();
    hub.close();
  }

  PlatformClient client() {
    OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      Request r = chain.request();
      if (!"PUT".equals(r.method()) || r.url().encodedPath().contains("/labels")) {
        return chain.proceed(r);
      }
      if (killAfter.get() >= 0 && completePuts.get() >= killAfter.get()) {
        kill.set(true);
      }
      if (kill.get()) {
        return chain.proceed(r.newBuilder().method("PUT", halfThenDrop(r.body())).build());
      }
      okhttp3.Response response = chain.proceed(r);
      completePuts.incrementAndGet();
      return response;
    }).build();
    return PlatformClient.builder(hub.server.baseUrl()).apiKey(ApiKey.parse(hub.key)).rateLimits(HubFixture.WIDE)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), 2, Duration.ofSeconds(1), () -> 0.5))
        .httpClient(http).build();
  }

  /** A body that sends half its bytes and then fails, as a connection killed mid-upload. */
  static RequestBody halfThenDrop(RequestBody body) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return body.contentType();
      }

      @Override
      public long contentLength() throws IOException {
        return body.contentLength();
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        okio.Buffer all = new okio.Buffer();
        body.writeTo(all);
        sink.write(all, all.size() / 2);
        sink.flush();
        throw new IOException("connection killed by the test");
      }
    };
  }

  static Map<String, List<Label>> labels(Workspace ws, String dataset) {
    Map<String, List<Label>> out = new LinkedHashMap<>();
    for (ImageRecord r : ws.images().list(dataset, ImageQuery.all().withPage(0, 5000)).images()) {
      out.put(r.hash(), ws.labels().get(dataset, r.hash()));
    }
    return out;
  }

  static List<Label> box(int classId, double cx) {
    return List.of(new BoxLabel(classId, cx, 0.5, 0.2, 0.2));
  }

  @Test
  void pushKilledMidUploadResumesThenPullEditBothSidesAndAConflict() throws Exception {
    Dataset mine = SyncTestData.dataset(alice, dir, "field", 12, 7);
    SyncOptions small = SyncOptions.defaults().withArchiveImages(3).withUploadThreads(1);
    killAfter.set(2);
    try (PlatformClient client = client()) {
      assertThatThrownBy(() -> new PlatformSync(alice, client, small).push("field", null, TaskMonitor.NONE))
          .isInstanceOf(PlatformException.class);
    }
    String remoteId = hub.workspace.datasets().require("field").id();
    assertThat(hub.workspace.images().counts(remoteId).images()).isEqualTo(6);

    kill.set(false);
    killAfter.set(-1);
    int putsBefore = completePuts.get();
    PushResult resumed;
    try (PlatformClient client = client()) {
      resumed = new PlatformSync(alice, client, small).push("field", null, TaskMonitor.NONE);
    }
    assertThat(resumed.uploaded()).isEqualTo(6);
    assertThat(resumed.skipped()).isEqualTo(6);
    assertThat(completePuts.get() - putsBefore).isEqualTo(2);
    assertThat(labels(hub.workspace, remoteId)).isEqualTo(labels(alice, mine.id()));
    assertThat(hub.workspace.images().splitCounts(remoteId)).isEqualTo(alice.images().splitCounts(mine.id()));

    PullResult pulled;
    try (PlatformClient client = client()) {
      pulled = new PlatformSync(bob, client, SyncOptions.defaults()).pull("field", "field-copy", TaskMonitor.NONE);
    }
    assertThat(pulled.imported()).isEqualTo(12);
    assertThat(pulled.failed()).isEmpty();
    assertThat(labels(bob, "field-copy")).isEqualTo(labels(alice, mine.id()));

    List<String> hashes = List.copyOf(labels(alice, mine.id()).keySet());
    alice.labels().put(mine.id(), hashes.get(1), box(0, 0.11));
    hub.workspace.labels().put(remoteId, hashes.get(2), box(1, 0.22));
    alice.labels().put(mine.id(), hashes.get(3), box(0, 0.33));
    hub.workspace.labels().put(remoteId, hashes.get(3), box(1, 0.34));
    hub.workspace.images().delete(remoteId, List.of(hashes.get(4)));
    alice.images().delete(mine.id(), List.of(hashes.get(5)));

    SyncResult r;
    try (PlatformClient client = client()) {
      r = new PlatformSync(alice, client, SyncOptions.defaults()).sync("field", TaskMonitor.NONE);
    }
    assertThat(r.pushed().labels()).isEqualTo(1);
    assertThat(r.pushed().deleted()).isEqualTo(1);
    assertThat(r.pulled().updated()).isEqualTo(1);
    assertThat(r.pulled().deleted()).isEqualTo(1);
    assertThat(r.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.localHash()).isEqualTo(hashes.get(3));
      assertThat(c.kind()).isEqualTo(SyncConflict.LABELS);
    });
    assertThat(hub.workspace.labels().get(remoteId, hashes.get(1))).isEqualTo(box(0, 0.11));
    assertThat(alice.labels().get(mine.id(), hashes.get(2))).isEqualTo(box(1, 0.22));
    assertThat(alice.labels().get(mine.id(), hashes.get(3))).isEqualTo(box(0, 0.33));
    assertThat(hub.workspace.labels().get(remoteId, hashes.get(3))).isEqualTo(box(1, 0.34));

    try (PlatformClient client = client()) {
      PlatformSync sync = new PlatformSync(alice, client, SyncOptions.defaults());
      sync.resolve("field", hashes.get(3), PlatformSync.Keep.LOCAL);
      assertThat(sync.sync("field", TaskMonitor.NONE).conflicts()).isEmpty();
      SyncResult bobs = new PlatformSync(bob, client, SyncOptions.defaults()).sync("field-copy", TaskMonitor.NONE);
      assertThat(bobs.conflicts()).isEmpty();
    }
    assertThat(hub.workspace.labels().get(remoteId, hashes.get(3))).isEqualTo(box(0, 0.33));
    assertThat(labels(bob, "field-copy")).isEqualTo(labels(hub.workspace, remoteId)).isEqualTo(labels(alice, mine.id()));
    assertThat(labels(alice, mine.id())).hasSize(10);
  }
}
