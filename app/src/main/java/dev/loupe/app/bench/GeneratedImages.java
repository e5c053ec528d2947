package dev.loupe.app.bench;

import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.SyntheticImages;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Generated image files for the insight benchmarks ({@link SyntheticImages} pictures saved as JPEG)
 * and the plain way to put image bytes into a dataset: stored in the content store, then added as
 * records (no labels), a thousand at a time.
 */
final class GeneratedImages {
  /** Image bytes to add, with the name and size they are added under. */
  record Image(String filename, byte[] bytes, int width, int height, Split split) {}

  private static final int ADD_BATCH = 1_000;

  private GeneratedImages() {}

  /**
   * {@code count} JPEG files {@code width x height} in {@code folder}, picture {@code i} drawn from seed
   * {@code seed + i} and saved at quality 0.9 as {@code img-000i.jpg}; files already there are kept
   * (so that a second run does not draw them again). Drawn on all cores.
   */
  static List<Path> jpegs(Path folder, int from, int count, int width, int height, long seed) throws IOException {
    Files.createDirectories(folder);
    List<Path> files = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      files.add(folder.resolve(String.format("img-%07d.jpg", i)));
    }
    IntStream.range(0, count).parallel().forEach(i -> {
      Path file = files.get(i);
      if (!Files.exists(file)) {
        try {
          Files.write(file, SyntheticImages.jpeg(SyntheticImages.picture(seed + from + i, width, height), 0.9f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
    return files;
  }

  /** The files as images of the train split, all {@code width x height}. */
  static List<Image> read(List<Path> files, int width, int height) throws IOException {
    List<Image> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(new Image(f.getFileName().toString(), Files.readAllBytes(f), width, height, Split.TRAIN));
    }
    return out;
  }

  /** Stores the images' bytes and adds them to {@code dataset}; returns their hashes, in order. */
  static List<String> add(Workspace ws, String dataset, List<Image> images) {
    String[] hashes = new String[images.size()];
    IntStream.range(0, images.size()).parallel().forEach(i -> {
      try {
        hashes[i] = ws.content().put(images.get(i).bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    for (int from = 0; from < images.size(); from += ADD_BATCH) {
      List<NewImage> batch = new ArrayList<>(ADD_BATCH);
      for (int i = from; i < Math.min(images.size(), from + ADD_BATCH); i++) {
        Image image = images.get(i);
        batch.add(new NewImage(hashes[i], image.filename(), image.width(), image.height(), image.bytes().length,
            image.split(), List.of(), null, null, null));
      }
      ws.images().add(dataset, batch);
    }
    return List.of(hashes);
  }
}
