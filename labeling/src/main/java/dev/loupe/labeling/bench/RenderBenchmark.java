package dev.loupe.labeling.bench;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.ClassPalette;
import dev.loupe.labeling.canvas.LabelCanvas;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.LabelDocument;
import dev.loupe.labeling.session.ImageLoader;
import dev.loupe.labeling.session.LabelingSession;
import dev.loupe.labeling.session.LoadedImage;
import dev.loupe.labeling.session.OpenImage;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Measures the labeling canvas: frame time with 0 / 100 / 1,000 / 10,000 boxes, 200 polygons of
 * 100 vertices and 50 of 1,000 on a 1080p image (fitted, and zoomed in 8x to show that labels off screen cost
 * nothing), how long "next image" takes with prefetching, and how long a 12-megapixel JPEG takes to
 * open. Prints a Markdown table.
 *
 * <p>A frame is: the view is moved by 1 pixel and the canvas redraws its image and label layers (the
 * work of every frame of a zoom, and of a view set from code), then the FX pipeline renders the
 * canvas (a snapshot forces it and waits). A dragged frame is the same step as a drag makes it
 * ({@code LabelCanvas.panBy}): the image is redrawn, the label layer only moved. The snapshot's own
 * cost (copying the pixels back) is measured alone and reported, not subtracted.
 *
 * <pre>
 * mvn -q -o install -DskipTests -pl core,labeling
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -pl labeling
 * java -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless -Djava.awt.headless=true \
 *   -cp labeling/target/classes:$(cat labeling/target/cp.txt) dev.loupe.labeling.bench.RenderBenchmark
 * </pre>
 *
 * (Monocle, a test dependency, is on that class path; on a desktop leave the -D flags out to measure
 * the hardware pipeline.)
 */
public final class RenderBenchmark {
  private static final int VIEW_W = 1600, VIEW_H = 900;
  private static final int FRAMES = 40, WARMUP = 10;

  private final Random random = new Random(1);
  private Stage stage;
  private LabelCanvas canvas;

  public static void main(String[] args) throws Exception {
    System.out.println("java " + System.getProperty("java.version") + ", prism.order="
        + System.getProperty("prism.order", "(default)") + ", " + Runtime.getRuntime().availableProcessors() + " cpus");
    if ("Monocle".equals(System.getProperty("glass.platform")) && System.getProperty("headless.geometry") == null) {
      System.setProperty("headless.geometry", "1920x1200-32"); // the default 1280x800 screen is smaller than the view
    }
    Platform.startup(() -> {});
    Platform.setImplicitExit(false); // the toolkit must outlive the windows each part closes
    RenderBenchmark bench = new RenderBenchmark();
    try {
      bench.frames();
      bench.navigation();
      bench.largeImage();
    } finally {
      Platform.exit();
    }
  }

  // ---- frames ----------------------------------------------------------------------------------

  private void frames() throws Exception {
    Image image = new Image(new ByteArrayInputStream(jpeg(1920, 1080, 7)));
    onFx(() -> {
      canvas = new LabelCanvas(new ClassPalette());
      canvas.setClassNames(List.of("a", "b", "c", "d", "e", "f", "g", "h"));
      stage = new Stage();
      stage.setScene(new Scene(new StackPane(canvas), VIEW_W, VIEW_H));
      stage.show();
      canvas.setImage(image, 1920, 1080, false);
      return null;
    });
    System.out.println();
    System.out.println("| labels on a 1920x1080 image, view " + VIEW_W + "x" + VIEW_H
        + " | zoom | on screen | redraw issued, median | frame (redraw + render + snapshot), median | p90"
        + " | dragged frame (labels moved, not redrawn), median |");
    System.out.println("|---|---|---|---|---|---|---|");
    double snapshotOnly = snapshotBaseline();
    frameRow("none (image only)", List.of(), 1);
    frameRow("100 boxes", boxes(100), 1);
    frameRow("1,000 boxes", boxes(1000), 1);
    frameRow("10,000 boxes", boxes(10000), 1);
    List<Label> polygons = polygons(200, 100);
    frameRow("200 polygons x 100 vertices, filled 15%", polygons, 1);
    onFx(() -> {
      canvas.setPolygonFill(0);
      return null;
    });
    frameRow("200 polygons x 100 vertices, outlines only", polygons, 1);
    onFx(() -> {
      canvas.setPolygonFill(0.15);
      return null;
    });
    frameRow("50 polygons x 1,000 vertices (smooth outlines, as traced from masks)", smoothPolygons(50, 1000), 1);
    frameRow("1,000 boxes", boxes(1000), 2);
    frameRow("1,000 boxes", boxes(1000), 8);
    frameRow("10,000 boxes", boxes(10000), 8);
    frameRow("100,000 boxes", boxes(100000), 8);
    System.out.printf(Locale.ROOT, "%nsnapshot alone (pixels copied back, no redraw): %.1f ms median%n", snapshotOnly);
    for (int round = 0; round < 3; round++) {
      double factor = 0.9 - round * 0.1;
      long zoomed = System.nanoTime();
      double first = onFx(() -> {
        canvas.setImage(image, 1920, 1080, false); // a fresh cache
        canvas.setDocument(new LabelDocument(boxes(1000)));
        canvas.fit();
        canvas.setViewport(canvas.viewport().zoomAt(factor, VIEW_W / 2.0, VIEW_H / 2.0));
        long start = System.nanoTime();
        canvas.renderNow();
        canvas.snapshot(null, null);
        return (System.nanoTime() - start) / 1e6;
      });
      while (!onFx(canvas::isImageSettled)) {
        Thread.sleep(2);
      }
      double settled = (System.nanoTime() - zoomed) / 1e6;
      System.out.printf(Locale.ROOT, "new zoom level, 1,000 boxes: first frame (source scaled this once) %.1f ms;"
          + " scaled copy ready in the background after %.0f ms%n", first, settled);
    }
    onFx(() -> {
      stage.close();
      return null;
    });
  }

  private double snapshotBaseline() throws Exception {
    double[] times = new double[FRAMES];
    for (int i = 0; i < FRAMES; i++) {
      times[i] = onFx(() -> {
        long start = System.nanoTime();
        canvas.snapshot(null, null);
        return (System.nanoTime() - start) / 1e6;
      });
    }
    return median(times);
  }

  private void frameRow(String name, List<Label> labels, double zoomIn) throws Exception {
    int[] visible = new int[1];
    onFx(() -> {
      LabelDocument document = new LabelDocument(labels);
      canvas.setDocument(document);
      canvas.fit();
      if (zoomIn != 1) {
        canvas.setViewport(canvas.viewport().zoomAt(zoomIn, VIEW_W / 2.0, VIEW_H / 2.0));
      }
      Viewport vp = canvas.viewport();
      double x0 = vp.normX(0), y0 = vp.normY(0), x1 = vp.normX(VIEW_W), y1 = vp.normY(VIEW_H);
      visible[0] = (int) labels.stream().filter(l -> {
        double[] b = dev.loupe.labeling.geom.Bounds.of(l);
        return b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0;
      }).count();
      canvas.renderNow();
      return null;
    });
    while (!onFx(canvas::isImageSettled)) {
      Thread.sleep(5);
    }
    double[] issue = new double[FRAMES];
    double[] frame = new double[FRAMES];
    for (int i = -WARMUP; i < FRAMES; i++) {
      int step = i;
      double[] t = onFx(() -> {
        long start = System.nanoTime();
        canvas.setViewport(canvas.viewport().panBy(step % 2 == 0 ? 1 : -1, 0));
        canvas.renderNow();
        long issued = System.nanoTime();
        canvas.snapshot(null, null);
        return new double[] {(issued - start) / 1e6, (System.nanoTime() - start) / 1e6};
      });
      if (i >= 0) {
        issue[i] = t[0];
        frame[i] = t[1];
      }
    }
    // the same 1-pixel steps as a drag makes them: the label layer is moved, not redrawn
    double[] dragged = new double[FRAMES];
    for (int i = -WARMUP; i < FRAMES; i++) {
      int step = i;
      double t = onFx(() -> {
        long start = System.nanoTime();
        canvas.panBy(step % 2 == 0 ? 1 : -1, 0);
        canvas.renderNow();
        canvas.snapshot(null, null);
        return (System.nanoTime() - start) / 1e6;
      });
      if (i >= 0) {
        dragged[i] = t;
      }
    }
    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name,
        zoomIn == 1 ? "fit" : "fit x" + (int) zoomIn, visible[0], median(issue), median(frame), percentile(frame, 0.9),
        median(dragged));
  }

  private List<Label> boxes(int n) {
    List<Label> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double w = 0.01 + random.nextDouble() * 0.04, h = 0.01 + random.nextDouble() * 0.04;
      labels.add(new BoxLabel(i % 8, w / 2 + random.nextDouble() * (1 - w), h / 2 + random.nextDouble() * (1 - h), w, h));
    }
    return labels;
  }

  /** Blobs whose outline moves a little from vertex to vertex, as a contour traced from a mask. */
  private List<Label> smoothPolygons(int n, int vertices) {
    List<Label> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double cx = 0.1 + random.nextDouble() * 0.8, cy = 0.1 + random.nextDouble() * 0.8, r = 0.02 + random.nextDouble() * 0.08;
      double phase = random.nextDouble() * 2 * Math.PI;
      double[] xy = new double[vertices * 2];
      for (int v = 0; v < vertices; v++) {
        double a = 2 * Math.PI * v / vertices, rr = r * (0.85 + 0.15 * Math.sin(5 * a + phase));
        xy[v * 2] = Math.max(0, Math.min(1, cx + rr * Math.cos(a)));
        xy[v * 2 + 1] = Math.max(0, Math.min(1, cy + rr * Math.sin(a)));
      }
      labels.add(new PolygonLabel(i % 8, Coords.of(xy)));
    }
    return labels;
  }

  private List<Label> polygons(int n, int vertices) {
    List<Label> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double cx = 0.1 + random.nextDouble() * 0.8, cy = 0.1 + random.nextDouble() * 0.8, r = 0.02 + random.nextDouble() * 0.08;
      double[] xy = new double[vertices * 2];
      for (int v = 0; v < vertices; v++) {
        double a = 2 * Math.PI * v / vertices, rr = r * (0.7 + 0.3 * random.nextDouble());
        xy[v * 2] = Math.max(0, Math.min(1, cx + rr * Math.cos(a)));
        xy[v * 2 + 1] = Math.max(0, Math.min(1, cy + rr * Math.sin(a)));
      }
      labels.add(new PolygonLabel(i % 8, Coords.of(xy)));
    }
    return labels;
  }

  // ---- navigation ------------------------------------------------------------------------------

  private void navigation() throws Exception {
    Path dir = Files.createTempDirectory("loupe-render-bench");
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      ws.datasets().create(NewDataset.of("bench", Task.DETECT, List.of("a", "b", "c")));
      List<NewImage> images = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        byte[] bytes = jpeg(1920, 1080, i);
        String hash = ws.content().put(bytes);
        hashes.add(hash);
        images.add(new NewImage(hash, "frame" + i + ".jpg", 1920, 1080, bytes.length, Split.TRAIN, boxes(50), null, null, null));
      }
      ws.images().add("bench", images);
      LabelingSession session = onFx(() -> new LabelingSession(ws, "bench", hashes));
      session.setViewSize(VIEW_W, VIEW_H);
      LabelCanvas[] view = new LabelCanvas[1];
      onFx(() -> {
        view[0] = new LabelCanvas(new ClassPalette());
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(view[0]), VIEW_W, VIEW_H));
        stage.show();
        return null;
      });
      show(session, view[0], onFx(() -> session.goTo(0)).get(10, TimeUnit.SECONDS));
      double[] warm = new double[hashes.size() - 2];
      for (int i = 1; i < hashes.size() - 1; i++) {
        Thread.sleep(400); // the user looks at the image; the neighbours are decoded meanwhile
        long start = System.nanoTime();
        OpenImage open = onFx(session::next).get(10, TimeUnit.SECONDS);
        show(session, view[0], open);
        warm[i - 1] = (System.nanoTime() - start) / 1e6;
      }
      double[] cold = new double[6];
      for (int i = 0; i < cold.length; i++) {
        int far = (i * 7 + 3) % hashes.size();
        long start = System.nanoTime();
        OpenImage open = onFx(() -> session.goTo(far)).get(10, TimeUnit.SECONDS);
        show(session, view[0], open);
        cold[i] = (System.nanoTime() - start) / 1e6;
        Thread.sleep(400);
      }
      onFx(() -> {
        session.close();
        stage.close();
        return null;
      });
      System.out.println();
      System.out.println("| next image, 1920x1080 JPEG with 50 boxes, shown and rendered | median | p90 | max |");
      System.out.println("|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| prefetched (next after 0.4 s on the image) | %.1f ms | %.1f ms | %.1f ms |%n",
          median(warm), percentile(warm, 0.9), Arrays.stream(warm).max().orElse(0));
      System.out.printf(Locale.ROOT, "| not prefetched (jump to a far image) | %.1f ms | %.1f ms | %.1f ms |%n",
          median(cold), percentile(cold, 0.9), Arrays.stream(cold).max().orElse(0));
    } finally {
      deleteTree(dir);
    }
  }

  private void show(LabelingSession session, LabelCanvas canvas, OpenImage open) throws Exception {
    onFx(() -> {
      canvas.setImage(open.image().image(), open.record().width(), open.record().height(), open.image().reduced(),
          open.image().fitted());
      canvas.setDocument(open.document());
      canvas.renderNow();
      canvas.snapshot(null, null);
      return null;
    });
  }

  // ---- a 12-megapixel photo --------------------------------------------------------------------

  private void largeImage() throws Exception {
    Path dir = Files.createTempDirectory("loupe-render-bench");
    try {
      Path file = dir.resolve("photo.jpg");
      Files.write(file, jpeg(4000, 3000, 3));
      ImageLoader loader = new ImageLoader(2560, 1600);
      double[] decode = new double[5];
      double[] withFit = new double[5];
      LoadedImage shown = null;
      for (int i = 0; i < decode.length; i++) {
        long start = System.nanoTime();
        loader.load("photo", file);
        decode[i] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        shown = loader.load("photo", file, VIEW_W, VIEW_H);
        withFit[i] = (System.nanoTime() - start) / 1e6;
      }
      LoadedImage img = shown;
      double firstFrame = onFx(() -> {
        LabelCanvas c = new LabelCanvas(new ClassPalette());
        stage = new Stage();
        stage.setScene(new Scene(new StackPane(c), VIEW_W, VIEW_H));
        stage.show();
        long start = System.nanoTime();
        c.setImage(img.image(), img.width(), img.height(), img.reduced(), img.fitted());
        c.setDocument(new LabelDocument());
        c.fit();
        c.renderNow();
        c.snapshot(null, null);
        double ms = (System.nanoTime() - start) / 1e6;
        stage.close();
        return ms;
      });
      System.out.println();
      System.out.println("| 12-megapixel JPEG (4000x3000, " + Files.size(file) / 1024 + " KB) | median |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| decoded whole (%dx%d) | %.0f ms |%n",
          (int) img.image().getWidth(), (int) img.image().getHeight(), median(decode));
      System.out.printf(Locale.ROOT, "| decoded whole + copy fitted to the %dx%d view (%dx%d, area average) | %.0f ms |%n",
          VIEW_W, VIEW_H, (int) img.fitted().getWidth(), (int) img.fitted().getHeight(), median(withFit));
      System.out.printf(Locale.ROOT, "| first frame of it (drawn 1:1, rendered) | %.0f ms |%n", firstFrame);
      System.out.printf(Locale.ROOT, "| open = decode + fitted copy + first frame | %.0f ms |%n", median(withFit) + firstFrame);
    } finally {
      deleteTree(dir);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** A photo-like JPEG: gradients and many soft shapes (so it compresses like a photo, not like a flat image). */
  static byte[] jpeg(int width, int height, int seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random r = new Random(seed);
    g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(256), 120, 160), width, height, new Color(30, r.nextInt(256), 90)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 400; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 60 + r.nextInt(150)));
      int s = 10 + r.nextInt(Math.max(11, width / 10));
      g.fillOval(r.nextInt(width), r.nextInt(height), s, s * (1 + r.nextInt(2)));
    }
    for (int y = 0; y < height; y += 2) { // fine texture
      for (int x = (y / 2) % 3; x < width; x += 3) {
        image.setRGB(x, y, image.getRGB(x, y) ^ 0x0a0a0a);
      }
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Platform.runLater(task);
    return task.get(120, TimeUnit.SECONDS);
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
