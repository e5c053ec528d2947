package dev.loupe.app.bench;

import dev.loupe.core.annotate.AnnotateOptions;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.annotate.AutoAnnotator;
import dev.loupe.core.annotate.ImageSelection;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Auto-annotation throughput, images/s, on coco8-sized (640x480) and 1080p JPEGs: the whole run
 * (decode on worker threads, predict, convert, overlap rule, batched label writes with the run's
 * record). With {@code --model FILE} the model runs through the engines; without one a stand-in
 * predictor answers ten boxes at once, so the figure is the pipeline's own ceiling.
 */
public final class AnnotateBenchmark {
  private final PrintStream out;

  public AnnotateBenchmark(PrintStream out) {
    this.out = out;
  }

  /**
   * @param model a model file to load with {@code loader}, or null for the stand-in predictor
   */
  public void run(Path dir, int images, Path model, Function<Path, ModelInfo> inspector, PredictorFactory loader,
      int cores) throws IOException {
    Path root = dir.resolve("ws-annotate");
    ImportBenchmark.deleteTree(root);
    try (Workspace ws = Workspace.open(root)) {
      PredictorFactory predictors = loader;
      String modelId;
      List<String> names;
      if (model != null) {
        var record = ws.models().importFile(model, dev.loupe.core.workspace.NewModel.defaults(), inspector);
        modelId = record.id();
        names = record.classNames();
        out.printf("## annotate benchmark: %s (%s), %d cores%n", model.getFileName(), record.task().apiName(), cores);
      } else {
        names = List.of("object");
        modelId = null;
        predictors = file -> new StandIn(names);
        out.printf("## annotate benchmark: stand-in predictor (10 boxes, no model), %d cores%n", cores);
      }
      for (int[] size : new int[][] {{640, 480}, {1920, 1080}}) {
        int n = size[0] > 1000 ? Math.max(1, images / 4) : images;
        Dataset d = fill(ws, names, n, size[0], size[1]);
        for (int[] threads : new int[][] {{1, 1}, {cores, 1}, {cores, cores}}) {
          AnnotateOptions options =
              AnnotateOptions.of(ImageSelection.all()).withThreads(threads[0], threads[1]);
          long start = System.nanoTime();
          AnnotateResult result;
          if (modelId != null) {
            result = new AutoAnnotator(ws, predictors).run(d.id(), modelId, options, TaskMonitor.NONE);
          } else {
            try (Predictor p = predictors.open(null)) {
              result = new AutoAnnotator(ws, predictors).run(d, null, "stand-in", p, options, TaskMonitor.NONE);
            }
          }
          double seconds = (System.nanoTime() - start) / 1e9;
          out.printf("%dx%d: %d images, %d decode + %d predict threads: %.2f s, %.1f images/s, %d labels added%n",
              size[0], size[1], result.run().imagesDone(), threads[0], threads[1], seconds,
              result.run().imagesDone() / seconds, result.run().labelsAdded());
          ws.annotationRuns().revert(result.run().id(), true);
        }
      }
    }
    ImportBenchmark.deleteTree(root);
  }

  private static Dataset fill(Workspace ws, List<String> names, int n, int width, int height) throws IOException {
    Dataset d = ws.datasets().create(NewDataset.of("bench " + width + "x" + height, Task.DETECT, names));
    List<NewImage> batch = new ArrayList<>();
    Random random = new Random(width);
    for (int i = 0; i < n; i++) {
      byte[] bytes = jpeg(width, height, random);
      String hash = ws.content().put(bytes);
      batch.add(new NewImage(hash, "img" + i + ".jpg", width, height, bytes.length, Split.TRAIN, List.of(), null, null, null));
    }
    ws.images().add(d.id(), batch);
    return d;
  }

  /** A photo-like JPEG: gradients and shapes, so it compresses and decodes like a real picture. */
  private static byte[] jpeg(int width, int height, Random random) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), width, height,
        new Color(random.nextInt(0xFFFFFF))));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 30; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 4), 20 + random.nextInt(height / 4));
    }
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", bytes);
    return bytes.toByteArray();
  }

  /** Answers ten boxes at once: what is left to measure is the pipeline. */
  private static final class StandIn implements Predictor {
    private final ModelInfo info;

    StandIn(List<String> names) {
      this.info = new ModelInfo("onnx", Task.DETECT, names, 640, 640, 32, false, null, 3, Map.of());
    }

    @Override
    public ModelInfo info() {
      return info;
    }

    @Override
    public ImagePrediction predict(Path image, PredictOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ImagePrediction predict(BufferedImage image, PredictOptions options) {
      List<Detection> boxes = new ArrayList<>();
      int w = image.getWidth();
      int h = image.getHeight();
      for (int i = 0; i < 10; i++) {
        boxes.add(Detection.box(0, "object", 0.9 - i * 0.01, i * w / 10.0, i * h / 12.0, (i + 1) * w / 10.0, (i + 2) * h / 12.0));
      }
      return new ImagePrediction(h, w, boxes, List.of());
    }

    @Override
    public void close() {}
  }
}
