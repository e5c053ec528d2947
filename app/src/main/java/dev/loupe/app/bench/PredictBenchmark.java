package dev.loupe.app.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.loupe.core.inference.BgrImage;
import dev.loupe.core.inference.ConstantOnnxModel;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.inference.ImageDecoding;
import dev.loupe.core.inference.InputPreparation;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.PredictRun;
import dev.loupe.core.inference.Tensor;
import dev.loupe.core.inference.YoloPredictor;
import dev.loupe.core.inference.decode.Letterbox;
import dev.loupe.core.inference.decode.OutputDecoders;
import dev.loupe.core.task.TaskMonitor;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The predict goals: (1) everything Loupe does around the model for one 640x480 JPEG (decode,
 * letterbox, tensor, the session call, output decoding and NMS, scaling back) against a bare ONNX Runtime
 * session run on the same input: overhead at most 10% of the run and at most 5 ms; (2) images/s of
 * {@code predict} over folders of coco8-sized and 1080p JPEGs, decoding overlapping inference.
 * Per-image figures are the steady state of a folder or a dataset: the image and output work runs
 * {@value #JIT_WARMUP} times untimed first (the JIT compiles it), and the cost of its first calls is
 * printed beside.
 */
public final class PredictBenchmark {
  private static final int WARMUP = 10;
  /** Runs of the work around the model before timing: enough for C2 to compile it. */
  private static final int JIT_WARMUP = 500;
  /** The first prepare(file) calls, timed before the warm-up: the cost while the JIT compiles. */
  private static final int COLD = 20;

  private final PrintStream out;

  public PredictBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path model, Path image, Path sourceDir, Path dir, int images, int threads, int runs)
      throws Exception {
    out.printf("## predict benchmark: %s, %s, %d cores, session threads %s%n", model.getFileName(),
        image.getFileName(), Runtime.getRuntime().availableProcessors(), threads == 0 ? "auto" : threads);
    perImage(model, image, threads, runs);
    wrapper(dir, image, threads, runs * 4);
    Path coco = folder(dir.resolve("predict-coco"), sourceDir, images, 0, 0);
    Path hd = folder(dir.resolve("predict-1080p"), sourceDir, images, 1920, 1080);
    throughput(model, coco, threads, "coco8-sized");
    throughput(model, hd, threads, "1080p");
  }

  private void perImage(Path model, Path image, int threads, int runs) throws Exception {
    PredictOptions options = PredictOptions.DEFAULTS;
    ImageDecoding decoding = new ImageDecoding();
    try (YoloPredictor predictor = ModelLoader.load(model, new EngineOptions(threads, "cpu"))) {
      int inH = predictor.info().imgszH();
      int inW = predictor.info().imgszW();
      float[] input = new float[3 * inH * inW];
      BgrImage bgr = decoding.read(image);
      InputPreparation.letterbox(bgr, inH, inW, input);
      OutputDecoder decoder = OutputDecoders.forModel(predictor.info());
      DecodeContext context = Letterbox.context(predictor.info(), options, inH, inW, bgr.height(), bgr.width());

      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
        if (threads > 0) {
          so.setIntraOpNumThreads(threads);
          so.setInterOpNumThreads(1);
        }
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        try (OrtSession session = env.createSession(model.toString(), so);
            OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, inH, inW})) {
          String inputName = session.getInputNames().iterator().next();
          List<Tensor> outputs = new ArrayList<>();
          Runnable bare = () -> {
            try (OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
              // the session's own output tensors are the end of a bare run
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
          try (OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            for (var entry : result) {
              OnnxTensor t = (OnnxTensor) entry.getValue();
              FloatBuffer fb = t.getFloatBuffer();
              float[] data = new float[fb.remaining()];
              fb.get(data);
              outputs.add(new Tensor(data, t.getInfo().getShape()));
            }
          }
          // steady state, as in a folder or a dataset being annotated: the JIT compiles the image and
          // output work (ImageIO's per-row Java code, the letterbox, the decoder) within a few hundred
          // images; the model runs need no such warm-up
          double[] coldMs =
              Stopwatch.repeat(COLD, i -> predictor.discard(prepareUnchecked(predictor, image, options)));
          for (int i = 0; i < JIT_WARMUP; i++) {
            predictor.discard(prepareUnchecked(predictor, image, options));
            decoder.decode(outputs, context);
          }
          for (int i = 0; i < WARMUP; i++) {
            bare.run();
            predictor.predict(image, options);
          }
          // alternating blocks, so that both see the same machine state; not alternating single runs:
          // each session has its own intra-op threads, which spin a while after a run and would slow
          // the other session's next run
          double[] bareMs = new double[runs];
          double[] fullMs = new double[runs];
          int block = 10;
          for (int start = 0; start < runs; start += block) {
            Stopwatch.once(bare);
            for (int i = start; i < Math.min(runs, start + block); i++) {
              bareMs[i] = Stopwatch.once(bare);
            }
            predictUnchecked(predictor, image, options);
            for (int i = start; i < Math.min(runs, start + block); i++) {
              fullMs[i] = Stopwatch.once(() -> predictUnchecked(predictor, image, options));
            }
          }
          double[] prepareMs = Stopwatch.repeat(runs, i -> predictor.discard(prepareUnchecked(predictor, image, options)));
          double[] decodeMs = Stopwatch.repeat(runs, i -> readUnchecked(decoding, image));
          FloatBuffer direct = java.nio.ByteBuffer.allocateDirect(input.length * Float.BYTES)
              .order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
          double[] letterboxMs = Stopwatch.repeat(runs, i -> InputPreparation.letterbox(bgr, inH, inW, direct));
          double[] outputsMs = Stopwatch.repeat(runs, i -> decoder.decode(outputs, context));
          double bareMedian = Stopwatch.median(bareMs);
          double overhead = Stopwatch.median(fullMs) - bareMedian;
          double prepare = Stopwatch.median(prepareMs);
          double decode = Stopwatch.median(decodeMs);
          double letterbox = Stopwatch.median(letterboxMs);
          double outputsDecode = Stopwatch.median(outputsMs);
          out.printf("per image, %d runs each in blocks of 10, steady state (ms): median  min%n", runs);
          out.printf("  bare ONNX Runtime session.run          %8.2f %8.2f%n", bareMedian, min(bareMs));
          out.printf("  Loupe predict(file), all included      %8.2f %8.2f%n", Stopwatch.median(fullMs), min(fullMs));
          out.printf("  overhead (difference of the medians)   %8.2f           = %.1f%% of the run%n", overhead,
              100 * overhead / bareMedian);
          out.printf("  of which read, decode, letterbox (prepare(file))  %8.2f %8.2f%n", prepare, min(prepareMs));
          out.printf("     (the first %d calls, before the JIT warm-up of %d:  %8.2f %8.2f)%n", COLD, JIT_WARMUP,
              Stopwatch.median(coldMs), min(coldMs));
          out.printf("  of which output decode + NMS + scaling            %8.2f %8.2f%n", outputsDecode, min(outputsMs));
          out.printf("  the rest (the session call, output copy, the run after the image work) %.2f%n",
              overhead - prepare - outputsDecode);
          out.printf("  for comparison, the road of other images: JPEG decode to BGR %.2f (min %.2f),"
              + " letterbox of BGR %.2f (min %.2f)%n", decode, min(decodeMs), letterbox, min(letterboxMs));
        }
      }
    }
  }

  /**
   * The cost of Loupe's wrapper alone, free of the noise of a 60 ms convolution: a model with the
   * same input and output shapes whose session run is nearly free (a constant output), predicted
   * through Loupe against a bare session run of the same model.
   */
  private void wrapper(Path dir, Path image, int threads, int runs) throws Exception {
    Path file = new ConstantOnnxModel(1, 3, 640, 640)
        .meta("task", "detect").meta("names", names(80)).meta("imgsz", "[640, 640]")
        .output(new float[84 * 8400], 1, 84, 8400)
        .write(dir.resolve("constant-640.onnx"));
    BgrImage bgr = new ImageDecoding().read(image);
    float[] input = new float[3 * 640 * 640];
    InputPreparation.letterbox(bgr, 640, 640, input);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (YoloPredictor predictor = ModelLoader.load(file, new EngineOptions(threads, "cpu"));
        OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        so.setIntraOpNumThreads(threads);
      }
      try (OrtSession session = env.createSession(file.toString(), so);
          OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, 640, 640})) {
        Runnable bare = () -> {
          try (OrtSession.Result result = session.run(Map.of("images", tensor))) {
            // nothing: the bare run ends with ONNX Runtime's output
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
        Runnable loupe = () -> predictor.predict(bgr, PredictOptions.DEFAULTS);
        for (int i = 0; i < WARMUP * 5; i++) {
          bare.run();
          loupe.run();
        }
        double[] bareMs = new double[runs];
        double[] loupeMs = new double[runs];
        for (int start = 0; start < runs; start += 10) {
          for (int i = start; i < Math.min(runs, start + 10); i++) {
            bareMs[i] = Stopwatch.once(bare);
          }
          for (int i = start; i < Math.min(runs, start + 10); i++) {
            loupeMs[i] = Stopwatch.once(loupe);
          }
        }
        out.printf("wrapper alone, a constant model of the same shapes, %d runs each (ms): median min%n", runs);
        out.printf("  bare session.run                        %8.2f %8.2f%n", Stopwatch.median(bareMs), min(bareMs));
        out.printf("  Loupe predict(decoded image)            %8.2f %8.2f%n", Stopwatch.median(loupeMs), min(loupeMs));
        out.printf("  letterbox + session call + output copy + empty decode: %.2f ms (median), %.2f (min)%n",
            Stopwatch.median(loupeMs) - Stopwatch.median(bareMs), min(loupeMs) - min(bareMs));
      }
    }
  }

  private void throughput(Path model, Path folder, int threads, String label) throws Exception {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.jpg")) {
      dir.forEach(files::add);
    }
    files.sort(null);
    try (YoloPredictor predictor = ModelLoader.load(model, new EngineOptions(threads, "cpu"))) {
      for (Path f : files.subList(0, Math.min(5, files.size()))) {
        predictor.predict(f, PredictOptions.DEFAULTS); // warm up
      }
      long start = System.nanoTime();
      for (Path f : files) {
        predictor.predict(f, PredictOptions.DEFAULTS);
      }
      double sequential = files.size() / ((System.nanoTime() - start) / 1e9);
      out.printf("%s (%d images): one thread, decode then predict: %.1f images/s%n", label, files.size(), sequential);
      for (int decoders : new int[] {1, 2}) {
        start = System.nanoTime();
        int done = new PredictRun(predictor, decoders).run(files, PredictOptions.DEFAULTS, TaskMonitor.NONE, o -> {});
        double rate = done / ((System.nanoTime() - start) / 1e9);
        out.printf("%s (%d images): pipeline, %d decode worker(s) feeding the session: %.1f images/s%n",
            label, files.size(), decoders, rate);
      }
    }
  }

  /** {@code count} JPEGs made from the source images, resized to w x h when w > 0 (not timed). */
  private static Path folder(Path folder, Path source, int count, int w, int h) throws IOException {
    if (Files.isDirectory(folder)) {
      try (var list = Files.list(folder)) {
        if (list.count() >= count) {
          return folder;
        }
      }
    }
    Files.createDirectories(folder);
    List<Path> sources = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(source, "*.jpg")) {
      dir.forEach(sources::add);
    }
    sources.sort(null);
    if (sources.isEmpty()) {
      throw new IOException("no JPEGs in " + source);
    }
    for (int i = 0; i < count; i++) {
      Path src = sources.get(i % sources.size());
      Path target = folder.resolve(String.format("img%05d.jpg", i));
      if (w <= 0) {
        Files.copy(src, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        continue;
      }
      BufferedImage in = ImageIO.read(src.toFile());
      BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = scaled.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(in, 0, 0, w, h, null);
      g.dispose();
      ImageIO.write(scaled, "jpg", target.toFile());
    }
    return folder;
  }

  private static String names(int count) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "" : ", ").append(i).append(": 'c").append(i).append("'");
    }
    return b.append("}").toString();
  }

  private static double min(double[] ms) {
    return java.util.Arrays.stream(ms).min().orElse(0);
  }

  private static void predictUnchecked(YoloPredictor predictor, Path image, PredictOptions options) {
    try {
      predictor.predict(image, options);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static YoloPredictor.PreparedImage prepareUnchecked(
      YoloPredictor predictor, Path image, PredictOptions options) {
    try {
      return predictor.prepare(image, options);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void readUnchecked(ImageDecoding decoding, Path image) {
    try {
      decoding.read(image);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
