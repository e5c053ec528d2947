package dev.loupe.app.gui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {
  private final AtomicLong clock = new AtomicLong();
  private final BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), clock::get);

  @AfterEach
  void close() {
    tasks.close();
  }

  @Test
  void progressReachesTheFxThreadAndTheResultComesBackThere() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AtomicReference<String> result = new AtomicReference<>();
    AtomicBoolean onFxThread = new AtomicBoolean();
    RunningTask<String> task = Fx.call(() -> tasks.submit("Import demo", m -> {
      m.progress(25, 100, "25 of 100 images");
      reported.countDown();
      finish.await(10, TimeUnit.SECONDS);
      return "done";
    }, r -> {
      onFxThread.set(javafx.application.Platform.isFxApplicationThread());
      result.set(r);
    }));
    reported.await(10, TimeUnit.SECONDS);
    Fx.waitFor(() -> task.progressProperty().get() == 0.25, Duration.ofSeconds(10));
    assertThat(Fx.call(() -> task.messageProperty().get())).isEqualTo("25 of 100 images");
    assertThat(Fx.call(() -> tasks.running().size())).isEqualTo(1);

    finish.countDown();
    Fx.waitFor(() -> tasks.running().isEmpty(), Duration.ofSeconds(10));
    assertThat(result.get()).isEqualTo("done");
    assertThat(onFxThread.get()).isTrue();
    assertThat(Fx.call(() -> tasks.errorProperty().get())).isNull();
  }

  @Test
  void progressIsPublishedAtMostEveryTenthOfASecondButTheLastReportAlways() throws Exception {
    List<Double> seen = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    RunningTask<Integer> task = Fx.call(() -> {
      RunningTask<Integer> t = tasks.submit("Export", m -> {
        for (int i = 1; i <= 1000; i++) {
          clock.addAndGet(1_000_000); // 1 ms per unit of work
          m.progress(i, 1000, null);
        }
        return 1000;
      }, n -> done.countDown());
      t.progressProperty().addListener((o, a, v) -> seen.add(v.doubleValue()));
      return t;
    });
    done.await(10, TimeUnit.SECONDS);
    Fx.run(() -> {});
    // 1,000 reports over 1 simulated second: at most about ten are published (JavaFX may coalesce
    // them further), and the last one (1.0) always is
    assertThat(seen).hasSizeBetween(1, 12);
    assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    assertThat(task.title()).isEqualTo("Export");
  }

  @Test
  void cancelIsSeenByTheWorkAndIsNotAnError() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean succeeded = new AtomicBoolean();
    AtomicBoolean ended = new AtomicBoolean();
    RunningTask<Long> task = Fx.call(() -> tasks.submit("Thumbnails", m -> {
      started.countDown();
      long n = 0;
      while (true) {
        m.checkCancelled();
        n++;
        Thread.sleep(1);
      }
    }, n -> succeeded.set(true), () -> ended.set(true)));
    started.await(10, TimeUnit.SECONDS);
    Fx.run(task::cancel);
    assertThat(Fx.call(() -> task.cancellingProperty().get())).isTrue();

    Fx.waitFor(() -> tasks.running().isEmpty(), Duration.ofSeconds(10));
    assertThat(succeeded.get()).isFalse();
    assertThat(ended.get()).isTrue();
    assertThat(Fx.call(() -> tasks.errorProperty().get())).isNull();
  }

  @Test
  void aFailureBecomesOneClearLine() {
    Fx.run(() -> tasks.submit("Import photos.zip", m -> {
      throw new NoSuchFileException("/data/photos.zip");
    }, r -> {}));
    Fx.waitFor(() -> tasks.errorProperty().get() != null, Duration.ofSeconds(10));
    assertThat(Fx.call(() -> tasks.errorProperty().get()))
        .isEqualTo("Import photos.zip failed: no such file or folder: /data/photos.zip");
    Fx.run(tasks::clearError);
    assertThat(Fx.call(() -> tasks.errorProperty().get())).isNull();
  }

  @Test
  void aWrappedErrorShowsItsCause() {
    RuntimeException wrapped = new RuntimeException(new IllegalStateException("disk full"));
    assertThat(BackgroundTasks.describe(new RuntimeException((String) null, wrapped))).isEqualTo(
        wrapped.getMessage());
    assertThat(BackgroundTasks.describe(new IllegalArgumentException())).isEqualTo("IllegalArgumentException");
  }

  @Test
  void theMonitorReportsUnknownTotalsAsIndeterminate() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    RunningTask<Void> task = Fx.call(() -> tasks.submit("Unpack", (TaskMonitor m) -> {
      m.progress(10, -1, "unpacking");
      done.countDown();
      finish.await(10, TimeUnit.SECONDS);
      return null;
    }, r -> {}));
    done.await(10, TimeUnit.SECONDS);
    Fx.waitFor(() -> "unpacking".equals(task.messageProperty().get()), Duration.ofSeconds(10));
    assertThat(Fx.call(() -> task.progressProperty().get())).isEqualTo(-1.0);
    finish.countDown();
  }
}
