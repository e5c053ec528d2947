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

  /**
   * {@code count} distinct photographs made from the JPEGs under {@code folder} (for photographic
   * detail, which generated pictures lack): variant {@code i} is photo {@code i % photos} with 32
   * pixels cut from its width and height at an offset that differs per variant (32 x 32 offsets), saved
   * at quality 0.92, less 0.01 for each further round of offsets.
   * Empty when the folder holds no JPEG.
   */
  static List<Image> photoVariants(Path folder, int count) throws IOException {
    List<java.awt.image.BufferedImage> photos = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (var files = Files.walk(folder)) {
        for (Path f : files.filter(p -> p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jpg")).sorted()
            .toList()) {
          photos.add(javax.imageio.ImageIO.read(f.toFile()));
        }
      }
    }
    if (photos.isEmpty()) {
      return List.of();
    }
    return IntStream.range(0, count).parallel().mapToObj(i -> {
      java.awt.image.BufferedImage photo = photos.get(i % photos.size());
      int k = i / photos.size();
      java.awt.image.BufferedImage crop =
          photo.getSubimage(k % 32, (k / 32) % 32, photo.getWidth() - 32, photo.getHeight() - 32);
      return new Image(String.format("photo-%07d.jpg", i), SyntheticImages.jpeg(crop, 0.92f - 0.01f * (k / 1024)), crop.getWidth(),
          crop.getHeight(), Split.TRAIN);
    }).toList();
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
