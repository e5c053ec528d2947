package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.sync.FakePlatform;
import dev.loupe.core.sync.SyncTestData;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushFirstResolverTest {
  @TempDir Path dir;

  @Test
  void aDatasetWithNoRemoteCopyIsPushedBeforeItIsNamedAndNotAgainWhileUnchanged() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"));
        FakePlatform platform = new FakePlatform(dir.resolve("remote"), true)) {
      Dataset birds = SyncTestData.dataset(ws, dir.resolve("scratch"), "birds", 6, 1);
      List<String> named = new ArrayList<>();
      RemoteDatasetResolver resolver = new PushFirstResolver(ws, platform.client(), (d, v) -> {
        if (ws.sync().link(d.id()).isEmpty()) {
          throw new RemoteDatasetMissingException(d.slug(), null);
        }
        named.add(d.slug());
        return "ul://me/datasets/" + d.slug();
      });

      assertThat(ws.sync().link(birds.id())).isEmpty();
      assertThat(resolver.uri(birds, null, TaskMonitor.NONE)).isEqualTo("ul://me/datasets/birds");
      assertThat(ws.sync().link(birds.id())).as("linked by the push").isPresent();
      int sent = platform.received.values().stream().mapToInt(Integer::intValue).sum();
      assertThat(sent).as("images received by the platform").isGreaterThan(0);

      // unchanged: named again without a second push
      resolver.uri(ws.datasets().require(birds.id()), null, TaskMonitor.NONE);
      assertThat(platform.received.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent);
      assertThat(named).containsExactly("birds", "birds");
    }
  }
}
