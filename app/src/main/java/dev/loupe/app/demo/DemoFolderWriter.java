package dev.loupe.app.demo;

import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a generator's samples as an Ultralytics YOLO folder ({@code images/<split>/},
 * {@code labels/<split>/}, {@code data.yaml}), drawing and JPEG-encoding on several threads.
 */
public final class DemoFolderWriter {
  private static final float JPEG_QUALITY = 0.9f;

  private final DemoDatasetGenerator generator;
  private final int threads;

  public DemoFolderWriter(DemoDatasetGenerator generator, int threads) {
    this.generator = generator;
    this.threads = Math.max(1, threads);
  }

  /** Writes samples {@code 0..count-1} into {@code dir}; returns {@code dir}. */
  public Path write(Path dir, int count, TaskMonitor monitor) throws IOException {
    for (Split split : List.of(Split.TRAIN, Split.VAL)) {
      Files.createDirectories(dir.resolve("images").resolve(split.apiName()));
      Files.createDirectories(dir.resolve("labels").resolve(split.apiName()));
    }
    Files.writeString(dir.resolve("data.yaml"), dataYaml(), StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "loupe-demo");
      t.setDaemon(true);
      return t;
    });
    AtomicLong done = new AtomicLong();
    try {
      List<Future<?>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          if (monitor.isCancelled()) {
            return null;
          }
          writeSample(dir, generator.sample(index));
          long n = done.incrementAndGet();
          monitor.progress(n, count, "drawing " + n + "/" + count);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        await(f);
      }
      monitor.checkCancelled();
      return dir;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<?> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  private static void writeSample(Path dir, DemoSample sample) {
    String split = sample.split().apiName();
    try {
      Files.writeString(dir.resolve("labels").resolve(split).resolve(sample.stem() + ".txt"),
          YoloRows.formatFile(sample.labels()), StandardCharsets.UTF_8);
      writeJpeg(sample, dir.resolve("images").resolve(split).resolve(sample.name()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeJpeg(DemoSample sample, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (OutputStream out = Files.newOutputStream(file);
        ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(sample.image(), null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** The data.yaml {@code yolo train} takes: paths, names, and for pose kpt_shape and flip_idx. */
  String dataYaml() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Loupe demo dataset (").append(generator.task().apiName()).append(")\n");
    sb.append("path: .\ntrain: images/train\nval: images/val\n\nnames:\n");
    List<String> names = generator.classNames();
    for (int i = 0; i < names.size(); i++) {
      sb.append("  ").append(i).append(": ").append(names.get(i)).append('\n');
    }
    if (generator.task() == Task.POSE) {
      sb.append("\nkpt_shape: [").append(PoseFigure.KEYPOINTS).append(", 3]\n");
      sb.append("flip_idx: ").append(PoseFigure.FLIP_IDX).append('\n');
    }
    return sb.toString();
  }
}
