package dev.loupe.app.bench;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.RateLimits;
import dev.loupe.core.platform.remote.ImagePage;
import dev.loupe.core.platform.remote.ImageQuery;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.hub.HubConfig;
import dev.loupe.hub.HubServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hub's goal: 100 concurrent clients listing images (pages of 50 with signed thumbnail URLs, as
 * the platform's default) over loopback with p99 <= 50 ms. Each client is its own
 * {@link PlatformClient} with its own key and connection pool. Two loads: paced (each client asks for
 * a page every 1,000, 500 or 200 ms on average, as browsing and scripts do) and closed-loop (each client
 * asks again as soon as it has its answer: the server saturated). Latency is measured at the client.
 */
public final class HubBenchmark {
  private static final int CLIENTS = 100;
  private static final int WARMUP_REQUESTS = 20;
  private static final int TIMED_REQUESTS = 30;
  /** Mean pauses between one client's requests, slowest first. */
  private static final int[] PACES_MS = {1000, 500, 200};
  private static final RateLimits WIDE = RateLimits.platform().with(RateCategory.DEFAULT, 1_000_000);

  private final PrintStream out;

  public HubBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int images) throws Exception {
    ImportBenchmark.deleteTree(dir);
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      String dataset = fill(ws, images);
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        keys.add(ApiKeyStore.of(ws).create("bench-" + i).key());
      }
      try (HubServer server = HubServer.start(ws, HubConfig.defaults().withPort(0).withLimits(WIDE))) {
        out.printf("## hub benchmark: %d clients listing pages of 50 of %,d images at %s, %d cores%n", CLIENTS,
            images, server.baseUrl(), Runtime.getRuntime().availableProcessors());
        report("warm-up (closed loop)", load(server, keys, dataset, images, WARMUP_REQUESTS, 0));
        for (int pace : PACES_MS) {
          report("paced: a page every ~" + pace + " ms per client (" + CLIENTS * 1000 / pace + " requests/s asked)",
              load(server, keys, dataset, images, TIMED_REQUESTS, pace));
        }
        report("closed loop: back to back", load(server, keys, dataset, images, TIMED_REQUESTS, 0));
      }
    }
  }

  private String fill(Workspace ws, int images) {
    String id = ws.datasets().create(NewDataset.of("hub-bench", Task.DETECT, List.of("a", "b", "c"))).id();
    Random random = new Random(1);
    List<NewImage> batch = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      List<Label> labels = List.of(new BoxLabel(random.nextInt(3), 0.5, 0.5, 0.1, 0.1));
      batch.add(new NewImage(HexFormat.of().formatHex(hash), "img_" + i + ".jpg", 640, 480, 60_000,
          i % 10 == 0 ? Split.VAL : Split.TRAIN, labels, null, null, null));
      if (batch.size() == 1000 || i == images - 1) {
        ws.images().add(id, batch);
        batch = new ArrayList<>();
      }
    }
    return id;
  }

  /** Latencies (ms) of {@code requests} list calls by each client; {@code paceMs} 0 is back to back. */
  private double[] load(HubServer server, List<String> keys, String dataset, int images, int requests, int paceMs)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<double[]>> results = new ArrayList<>();
    List<PlatformClient> clients = new ArrayList<>();
    try {
      for (int c = 0; c < CLIENTS; c++) {
        PlatformClient client = PlatformClient.builder(server.baseUrl()).apiKey(ApiKey.parse(keys.get(c)))
            .rateLimits(WIDE).build();
        clients.add(client);
        long seed = c;
        results.add(pool.submit(() -> {
          Random random = new Random(seed);
          double[] ms = new double[requests];
          start.await();
          for (int i = 0; i < requests; i++) {
            if (paceMs > 0) {
              Thread.sleep(random.nextInt(2 * paceMs));
            }
            int offset = random.nextInt(Math.max(1, images - 50));
            long t0 = System.nanoTime();
            ImagePage page = client.images().list(dataset, ImageQuery.page(offset, 50));
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (page.images().size() != 50) {
              throw new IllegalStateException("a page of " + page.images().size() + " images");
            }
          }
          return ms;
        }));
      }
      long t0 = System.nanoTime();
      start.countDown();
      double[] all = new double[CLIENTS * requests];
      int n = 0;
      for (Future<double[]> f : results) {
        for (double v : f.get()) {
          all[n++] = v;
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      out.printf("  %,d requests in %.1f s: %.0f requests/s%n", all.length, seconds, all.length / seconds);
      return all;
    } finally {
      pool.shutdownNow();
      clients.forEach(PlatformClient::close);
    }
  }

  private void report(String what, double[] ms) {
    out.printf("%s: p50 %s ms, p95 %s ms, p99 %s ms, max %s ms%n", what, Stopwatch.fmt(Stopwatch.percentile(ms, 50)),
        Stopwatch.fmt(Stopwatch.percentile(ms, 95)), Stopwatch.fmt(Stopwatch.percentile(ms, 99)),
        Stopwatch.fmt(Stopwatch.max(ms)));
  }
}
