package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private final AtomicLong clock = new AtomicLong();
  private final StringWriter err = new StringWriter();

  @Test
  void withoutATerminalPrintsALineEveryFewSeconds() {
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err, true), false, clock::get);
    progress.progress(1, 100, "importing");
    clock.addAndGet(ConsoleProgress.LOG_INTERVAL_NANOS);
    progress.progress(50, 100, "importing");
    progress.progress(51, 100, "importing");
    clock.addAndGet(ConsoleProgress.LOG_INTERVAL_NANOS);
    progress.progress(100, 100, "importing");
    progress.close();
    assertThat(err.toString().lines()).containsExactly(" 50% 50/100 importing", "100% 100/100 importing");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  void onATerminalRewritesOneLineAndClearsIt() {
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err, true), true, clock::get);
    clock.addAndGet(ConsoleProgress.TERMINAL_INTERVAL_NANOS);
    progress.progress(5, 10, "exporting a long name");
    clock.addAndGet(ConsoleProgress.TERMINAL_INTERVAL_NANOS);
    progress.progress(6, 10, "x");
    progress.close();
    String text = err.toString();
    assertThat(text).startsWith("\r 50% 5/10 exporting a long name").doesNotContain("\n");
    assertThat(text).contains("\r 60% 6/10 x ");
    assertThat(text).endsWith("\r");
  }

  @Test
  void unknownTotalShowsTheMessageOnly() {
    assertThat(ConsoleProgress.format(3, -1, "unpacking a.zip")).isEqualTo("unpacking a.zip");
  }

  @Test
  void cancelIsSeenByTheWork() {
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err, true), false, clock::get);
    assertThat(progress.isCancelled()).isFalse();
    progress.cancel();
    assertThat(progress.isCancelled()).isTrue();
  }
}
