package dev.loupe.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two-way sync against a fake platform: changes travel, both-sided changes become conflicts, deletions travel. */
class SyncBothWaysTest {
  @TempDir Path dir;
  FakePlatform platform;
  Workspace local;
  PlatformClient client;
  PlatformSync sync;
  Dataset mine;
  String remoteId;
  List<String> hashes;

  void start(boolean platformNames) throws Exception {
    platform = new FakePlatform(dir.resolve("remote"), platformNames);
    local = Workspace.open(dir.resolve("local"));
    client = platform.client();
    sync = new PlatformSync(local, client, SyncOptions.defaults());
    mine = SyncTestData.dataset(local, dir, "pets", 8, 100);
    sync.push("pets", null, TaskMonitor.NONE);
    remoteId = platform.remote.datasets().require("pets").id();
    hashes = new ArrayList<>(LocalImages.of(local, mine.id()).keySet());
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    local.close();
    platform.close();
  }

  static List<Label> box(int classId, double cx) {
    return List.of(new BoxLabel(classId, cx, 0.5, 0.2, 0.2));
  }

  List<Label> localLabels(int i) {
    return local.labels().get(mine.id(), hashes.get(i));
  }

  List<Label> remoteLabels(int i) {
    return platform.remote.labels().get(remoteId, hashes.get(i));
  }

  SyncResult run() {
    return sync.sync("pets", TaskMonitor.NONE);
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void aChangeOnOneSideGoesToTheOther(boolean platformNames) throws Exception {
    start(platformNames);
    local.labels().put(mine.id(), hashes.get(1), box(0, 0.25));
    local.images().moveToSplit(mine.id(), List.of(hashes.get(1)), Split.TEST);
    platform.remote.labels().put(remoteId, hashes.get(2), box(1, 0.75));

    SyncResult r = run();

    assertThat(r.pushed().labels()).isEqualTo(1);
    assertThat(r.pushed().moved()).isEqualTo(1);
    assertThat(r.pulled().updated()).isEqualTo(1);
    assertThat(r.conflicts()).isEmpty();
    assertThat(remoteLabels(1)).isEqualTo(box(0, 0.25));
    assertThat(platform.remote.images().require(remoteId, hashes.get(1)).split()).isEqualTo(Split.TEST);
    assertThat(localLabels(2)).isEqualTo(box(1, 0.75));

    SyncResult quiet = run();
    assertThat(quiet.pushed().labels() + quiet.pushed().moved() + quiet.pushed().uploaded() + quiet.pushed().deleted())
        .isZero();
    assertThat(quiet.pulled().updated() + quiet.pulled().deleted() + quiet.pulled().imported()).isZero();
    assertThat(sync.status("pets").changed()).isZero();
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void bothSidesChangedKeepsLocalAndStoresRemoteAsAConflictUntilResolved(boolean platformNames) throws Exception {
    start(platformNames);
    local.labels().put(mine.id(), hashes.get(3), box(0, 0.3));
    platform.remote.labels().put(remoteId, hashes.get(3), box(1, 0.7));
    local.labels().put(mine.id(), hashes.get(4), box(0, 0.4));
    platform.remote.labels().put(remoteId, hashes.get(4), box(1, 0.6));

    SyncResult r = run();

    assertThat(r.conflicts()).extracting(SyncConflict::localHash).containsExactlyInAnyOrder(hashes.get(3), hashes.get(4));
    assertThat(r.conflicts()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(SyncConflict.LABELS));
    assertThat(localLabels(3)).isEqualTo(box(0, 0.3));
    assertThat(remoteLabels(3)).isEqualTo(box(1, 0.7));
    SyncConflict third = r.conflicts().stream().filter(c -> c.localHash().equals(hashes.get(3))).findFirst().orElseThrow();
    assertThat(RemoteLabels.fromJson(third.remoteLabels(), mine)).isEqualTo(box(1, 0.7));
    assertThat(run().conflicts()).hasSize(2);
    assertThat(platform.labelPuts.get()).isZero();

    sync.resolve("pets", hashes.get(3), PlatformSync.Keep.REMOTE);
    sync.resolve("pets", hashes.get(4), PlatformSync.Keep.LOCAL);

    assertThat(localLabels(3)).isEqualTo(box(1, 0.7));
    assertThat(remoteLabels(4)).isEqualTo(box(0, 0.4));
    assertThat(localLabels(4)).isEqualTo(box(0, 0.4));
    assertThat(sync.conflicts("pets")).isEmpty();
    assertThat(local.sync().conflicts(mine.id(), true)).extracting(SyncConflict::resolution).containsExactlyInAnyOrder("remote", "local");
    SyncResult after = run();
    assertThat(after.conflicts()).isEmpty();
    assertThat(after.pushed().labels() + after.pulled().updated()).isZero();
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void deletionsAndNewImagesTravelBothWays(boolean platformNames) throws Exception {
    start(platformNames);
    local.images().delete(mine.id(), List.of(hashes.get(5)));
    platform.remote.images().delete(remoteId, List.of(hashes.get(6)));
    platform.remote.importDataset(SyncTestData.folder(dir, "theirs", 2, 900), ImportOptions.defaults().into(remoteId),
        TaskMonitor.NONE);
    local.importDataset(SyncTestData.folder(dir, "ours", 1, 700), ImportOptions.defaults().into(mine.id()),
        TaskMonitor.NONE);

    SyncResult r = run();

    assertThat(r.pushed().deleted()).isEqualTo(1);
    assertThat(r.pushed().uploaded()).isEqualTo(1);
    assertThat(r.pulled().deleted()).isEqualTo(1);
    assertThat(r.pulled().imported()).isEqualTo(2);
    assertThat(r.conflicts()).isEmpty();
    List<String> here = new ArrayList<>(LocalImages.of(local, mine.id()).keySet());
    List<String> there = new ArrayList<>(platform.images(remoteId).keySet());
    assertThat(here).hasSize(9).containsExactlyInAnyOrderElementsOf(there).doesNotContain(hashes.get(5), hashes.get(6));
    for (String h : here) {
      assertThat(local.labels().get(mine.id(), h)).isEqualTo(platform.remote.labels().get(remoteId, h));
    }
    SyncResult quiet = run();
    assertThat(quiet.pushed().uploaded() + quiet.pushed().deleted() + quiet.pulled().imported()
        + quiet.pulled().deleted()).isZero();
  }

  @ParameterizedTest(name = "platform names: {0}")
  @ValueSource(booleans = {true, false})
  void anImageEditedHereAndDeletedThereIsKeptAsAConflict(boolean platformNames) throws Exception {
    start(platformNames);
    local.labels().put(mine.id(), hashes.get(2), box(1, 0.2));
    platform.remote.images().delete(remoteId, List.of(hashes.get(2)));

    SyncResult r = run();

    assertThat(r.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(SyncConflict.DELETED_REMOTELY);
      assertThat(c.localHash()).isEqualTo(hashes.get(2));
    });
    assertThat(local.images().find(mine.id(), hashes.get(2))).isPresent();

    sync.resolve("pets", hashes.get(2), PlatformSync.Keep.LOCAL);
    SyncResult after = run();
    assertThat(after.pushed().uploaded()).isEqualTo(1);
    ImageRecord back = platform.remote.images().require(remoteId, hashes.get(2));
    assertThat(platform.remote.labels().get(remoteId, back.hash())).isEqualTo(box(1, 0.2));
  }
}
