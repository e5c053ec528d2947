package dev.loupe.app.bench;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.RateLimits;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.PullResult;
import dev.loupe.core.sync.PushResult;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.sync.SyncResult;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.hub.HubConfig;
import dev.loupe.hub.HubServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Sync's goals against {@code loupe serve} on loopback: push --images images of about 60 KB each
 * (default 10,000) in <= 30 s, pull them back into another workspace in <= 30 s, and a sync with
 * nothing changed in <= 2 s. The first sync after a push compares every image (a push alone does not
 * read the remote labels back); the ones after it find that neither side moved. The images are one noisy 60 KB JPEG made distinct by a comment segment
 * with its number; each has one box, every tenth is in val. The hub runs in this process with wide
 * rate limits (a hub's own limits are the platform's; see docs/benchmarks.md).
 */
public final class SyncBenchmark {
  private static final RateLimits WIDE = wide();

  private final PrintStream out;

  public SyncBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int images) throws Exception {
    ImportBenchmark.deleteTree(dir);
    Path source = generate(dir.resolve("source"), images);
    try (Workspace local = Workspace.open(dir.resolve("local"));
        Workspace hubWorkspace = Workspace.open(dir.resolve("hub"));
        Workspace other = Workspace.open(dir.resolve("other"))) {
      Dataset dataset = local.importDataset(source, ImportOptions.defaults().withName("sync-bench"), TaskMonitor.NONE)
          .dataset();
      TaskMonitor trace = trace();
      long bytes = local.images().list(dataset.id(), dev.loupe.core.workspace.ImageQuery.all().withPage(0, 1)).images()
          .get(0).size();
      String key = ApiKeyStore.of(hubWorkspace).create("bench").key();
      try (HubServer hub = HubServer.start(hubWorkspace, HubConfig.defaults().withPort(0).withLimits(WIDE));
          PlatformClient client = PlatformClient.builder(hub.baseUrl()).apiKey(ApiKey.parse(key)).rateLimits(WIDE)
              .build()) {
        out.printf("## sync benchmark: %,d images of %,d bytes to loupe serve at %s, %d cores, Java %s%n", images,
            bytes, hub.baseUrl(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        SyncOptions options = SyncOptions.defaults();
        long t0 = System.nanoTime();
        PushResult pushed = new PlatformSync(local, client, options).push(dataset.id(), null, trace);
        double push = seconds(t0);
        out.printf("push:  %6.1f s  (%d uploaded, %d skipped; goal <= 30 s)%n", push, pushed.uploaded(), pushed.skipped());

        t0 = System.nanoTime();
        PullResult pulled = new PlatformSync(other, client, options).pull(pushed.remoteSlug(), "copy", trace);
        double pull = seconds(t0);
        out.printf("pull:  %6.1f s  (%d imported, %d failed; goal <= 30 s)%n", pull, pulled.imported(),
            pulled.failed().size());

        for (int run = 1; run <= 3; run++) {
          t0 = System.nanoTime();
          SyncResult idle = new PlatformSync(local, client, options).sync(dataset.id(), trace);
          double sync = seconds(t0);
          int moved = idle.pushed().uploaded() + idle.pushed().labels() + (int) idle.pulled().imported()
              + idle.pulled().updated();
          out.printf("%s: %5.2f s  (%d changes, %d conflicts; goal <= 2 s)%n",
              run == 1 ? "first sync after the push (compares every image)" : "no-change sync " + run, sync, moved,
              idle.conflicts().size());
        }
      }
    }
  }

  /** With LOUPE_BENCH_TRACE set, each new progress message on stderr with the time since the start. */
  private static TaskMonitor trace() {
    if (System.getenv("LOUPE_BENCH_TRACE") == null) {
      return TaskMonitor.NONE;
    }
    long start = System.nanoTime();
    String[] last = {""};
    return new TaskMonitor() {
      @Override
      public synchronized void progress(long done, long total, String message) {
        String head = message.replaceAll("[0-9,]+", "#");
        if (!head.equals(last[0])) {
          last[0] = head;
          System.err.printf("%7.2f s  %s%n", seconds(start), message);
        }
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A YOLO folder of {@code count} distinct JPEGs of about 60 KB with one box each. */
  static Path generate(Path root, int count) throws IOException {
    byte[] base = noisyJpeg();
    Path train = Files.createDirectories(root.resolve("images/train"));
    Path val = Files.createDirectories(root.resolve("images/val"));
    Path trainLabels = Files.createDirectories(root.resolve("labels/train"));
    Path valLabels = Files.createDirectories(root.resolve("labels/val"));
    Files.writeString(root.resolve("data.yaml"), "train: images/train\nval: images/val\nnames:\n  0: a\n  1: b\n");
    for (int i = 0; i < count; i++) {
      boolean isVal = i % 10 == 0;
      byte[] comment = ("loupe sync bench " + i).getBytes(StandardCharsets.US_ASCII);
      byte[] jpeg = new byte[base.length + 4 + comment.length];
      jpeg[0] = (byte) 0xFF;
      jpeg[1] = (byte) 0xD8;
      jpeg[2] = (byte) 0xFF;
      jpeg[3] = (byte) 0xFE; // COM segment right after SOI: other bytes, the same picture
      jpeg[4] = (byte) ((comment.length + 2) >> 8);
      jpeg[5] = (byte) (comment.length + 2);
      System.arraycopy(comment, 0, jpeg, 6, comment.length);
      System.arraycopy(base, 2, jpeg, 6 + comment.length, base.length - 2);
      Files.write((isVal ? val : train).resolve("img" + i + ".jpg"), jpeg);
      Files.writeString((isVal ? valLabels : trainLabels).resolve("img" + i + ".txt"),
          (i % 2) + " 0.5 0.5 0.25 0.25\n");
    }
    return root;
  }

  private static byte[] noisyJpeg() throws IOException {
    BufferedImage image = new BufferedImage(360, 270, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(1);
    for (int y = 0; y < 270; y++) {
      for (int x = 0; x < 360; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    return out.toByteArray();
  }

  private static RateLimits wide() {
    RateLimits limits = RateLimits.platform();
    for (RateCategory c : RateCategory.values()) {
      limits = limits.with(c, 1_000_000);
    }
    return limits;
  }
}
