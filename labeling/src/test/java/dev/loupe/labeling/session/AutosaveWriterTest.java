package dev.loupe.labeling.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AutosaveWriterTest {
  private static List<Label> boxes(int n) {
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(new BoxLabel(0, 0.5, 0.5, 0.1, 0.1));
    }
    return labels;
  }

  private static final AutosaveWriter.Listener QUIET = new AutosaveWriter.Listener() {
    @Override
    public void saved(String hash) {}

    @Override
    public void failed(String hash, RuntimeException error) {}
  };

  @Test
  void edits_queued_while_a_write_runs_collapse_into_the_latest_state() throws Exception {
    CountDownLatch firstWriteStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> writes = Collections.synchronizedList(new ArrayList<>());
    AutosaveWriter writer = new AutosaveWriter((hash, labels) -> {
      writes.add(hash + ":" + labels.size());
      firstWriteStarted.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, QUIET);
    writer.save("a", boxes(1));
    assertThat(firstWriteStarted.await(5, TimeUnit.SECONDS)).isTrue();
    for (int n = 2; n <= 10; n++) {
      writer.save("a", boxes(n)); // ten quick edits while the first write is under way
    }
    writer.save("b", boxes(3));
    assertThat(writer.isDirty()).isTrue();
    release.countDown();
    assertThat(writer.flush()).isEmpty();
    assertThat(writes).containsExactly("a:1", "a:10", "b:3");
    assertThat(writer.isDirty()).isFalse();
    writer.close();
    assertThatThrownBy(() -> writer.save("a", boxes(1))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_failed_write_is_reported_by_flush_until_a_later_write_of_that_image_succeeds() {
    List<String> failed = Collections.synchronizedList(new ArrayList<>());
    boolean[] refuse = {true};
    AutosaveWriter writer = new AutosaveWriter((hash, labels) -> {
      if (refuse[0]) {
        throw new IllegalArgumentException("class 9 is not one of the dataset's classes");
      }
    }, new AutosaveWriter.Listener() {
      @Override
      public void saved(String hash) {}

      @Override
      public void failed(String hash, RuntimeException error) {
        failed.add(hash + ": " + error.getMessage());
      }
    });
    writer.save("a", boxes(1));
    Map<String, RuntimeException> failures = writer.flush();
    assertThat(failures).containsOnlyKeys("a");
    assertThat(failed).containsExactly("a: class 9 is not one of the dataset's classes");
    refuse[0] = false;
    writer.save("a", boxes(2));
    assertThat(writer.flush()).isEmpty();
    writer.close();
  }
}
