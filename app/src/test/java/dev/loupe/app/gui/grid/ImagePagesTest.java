package dev.loupe.app.gui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImagePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class ImagePagesTest {
  private static final int TOTAL = 1_000_000;

  /** A query of {@code total} images whose record i is named after i; counts what was fetched. */
  private static final class FakeSource implements ImagePages.Source {
    final List<Integer> offsets = new ArrayList<>();
    final String prefix;
    final int total;

    FakeSource(String prefix, int total) {
      this.prefix = prefix;
      this.total = total;
    }

    @Override
    public ImagePage fetch(int offset, int limit) {
      offsets.add(offset);
      List<ImageRecord> page = new ArrayList<>();
      for (int i = offset; i < Math.min(total, offset + limit); i++) {
        page.add(record(prefix + i));
      }
      return new ImagePage(page, total, null);
    }
  }

  static ImageRecord record(String name) {
    return new ImageRecord(name, name, 10, 10, 1, Split.TRAIN, 0, false, null, null, Instant.EPOCH, Instant.EPOCH, 1);
  }

  private static final class Listener implements ImagePages.Listener {
    final List<Integer> loaded = new ArrayList<>();

    @Override
    public void pageLoaded(int page) {
      loaded.add(page);
    }

    @Override
    public void failed(RuntimeException error) {
      throw error;
    }
  }

  /** Runs queued work only when told, like a background thread that has not got to it yet. */
  private static final class Queue implements Executor {
    final List<Runnable> waiting = new ArrayList<>();

    @Override
    public void execute(Runnable r) {
      waiting.add(r);
    }

    void runAll() {
      while (!waiting.isEmpty()) {
        waiting.remove(0).run();
      }
    }
  }

  @Test
  void aMillionImagesCostOnlyThePagesAskedFor() {
    FakeSource source = new FakeSource("a", TOTAL);
    ImagePages pages = new ImagePages(source, Runnable::run, Runnable::run, 8, new Listener());

    assertThat(pages.get(0).filename()).isEqualTo("a0");
    assertThat(pages.get(199).filename()).isEqualTo("a199");
    assertThat(pages.get(987_654).filename()).isEqualTo("a987654");

    assertThat(source.offsets).containsExactly(0, 987_600);
    assertThat(pages.fetchedRecords()).isEqualTo(2 * ImagePages.PAGE_SIZE);
    assertThat(pages.total()).isEqualTo(TOTAL);
  }

  @Test
  void aRecordIsNullUntilItsPageArrivesAndThePageIsFetchedOnce() {
    FakeSource source = new FakeSource("a", TOTAL);
    Queue background = new Queue();
    Listener listener = new Listener();
    ImagePages pages = new ImagePages(source, background, Runnable::run, 8, listener);

    assertThat(pages.get(450)).isNull();
    assertThat(pages.get(401)).isNull(); // same page, still on its way: not asked twice
    assertThat(background.waiting).hasSize(1);
    background.runAll();

    assertThat(pages.get(450).filename()).isEqualTo("a450");
    assertThat(listener.loaded).containsExactly(2);
    assertThat(source.offsets).containsExactly(400);
  }

  @Test
  void leastRecentlyUsedPagesAreDropped() {
    FakeSource source = new FakeSource("a", TOTAL);
    ImagePages pages = new ImagePages(source, Runnable::run, Runnable::run, 3, new Listener());
    pages.get(0);
    pages.get(200);
    pages.get(400);
    pages.get(0); // page 0 used again: page 1 is now the eldest
    pages.get(600);

    assertThat(pages.pagesInMemory()).isEqualTo(3);
    assertThat(pages.cached(0)).isNotNull();
    assertThat(pages.cached(200)).isNull();
    assertThat(pages.cached(600)).isNotNull();
  }

  @Test
  void pagesOfAClosedQueryAreIgnored() {
    FakeSource source = new FakeSource("a", TOTAL);
    Queue background = new Queue();
    Listener listener = new Listener();
    ImagePages pages = new ImagePages(source, background, Runnable::run, 8, listener);
    pages.get(0);
    pages.close();
    background.runAll();

    assertThat(listener.loaded).isEmpty();
    assertThat(pages.cached(0)).isNull();
  }

  @Test
  void theOldQuerysRecordsShowUntilTheNewPageArrives() {
    ImagePages old = new ImagePages(new FakeSource("old", 500), Runnable::run, Runnable::run, 8, new Listener());
    old.get(10);
    Queue background = new Queue();
    ImagePages fresh =
        new ImagePages(new FakeSource("new", 499), background, Runnable::run, 8, new Listener()).showingMeanwhile(old);

    assertThat(fresh.get(10).filename()).isEqualTo("old10");
    assertThat(fresh.total()).isEqualTo(500);
    background.runAll();
    assertThat(fresh.get(10).filename()).isEqualTo("new10");
    assertThat(fresh.total()).isEqualTo(499);
  }

  @Test
  void pagesBeyondTheTotalAreNotFetched() {
    FakeSource source = new FakeSource("a", 250);
    ImagePages pages = new ImagePages(source, Runnable::run, Runnable::run, 8, new Listener());
    pages.get(0);
    assertThat(pages.get(900)).isNull();
    assertThat(source.offsets).containsExactly(0);
  }
}
