package dev.loupe.core.io;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.jpeg.JpegDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Not a test: times header probing of 640 x 480 JPEGs (with an Exif orientation) on one thread,
 * Loupe's ImageProbe against metadata-extractor and ImageIO's reader. Run its main from the test
 * classpath; see docs/adr on image probing for the numbers.
 */
public final class ProbeBenchmark {
  interface Prober {
    long probe(Path file) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    Path dir = Files.createTempDirectory("probe-bench");
    try {
      List<Path> files = writeJpegs(dir, count);
      ImageProbe probe = new ImageProbe();
      time("ImageProbe", files, f -> probe.probe(f).width());
      List<byte[]> held = new ArrayList<>();
      for (Path f : files) {
        held.add(Files.readAllBytes(f));
      }
      int[] next = {0};
      time(
          "ImageProbe (bytes)",
          files,
          f -> probe.probe(held.get(next[0]++ % held.size()), null).width());
      time("metadata-extractor", files, ProbeBenchmark::metadataExtractor);
      time("ImageIO getWidth", files, ProbeBenchmark::imageIo);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<Path> writeJpegs(Path dir, int count) throws Exception {
    List<Path> files = new ArrayList<>();
    Random random = new Random(1);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      for (int k = 0; k < 40; k++) {
        g.setColor(new Color(random.nextInt(1 << 24)));
        g.fillOval(
            random.nextInt(640),
            random.nextInt(480),
            20 + random.nextInt(200),
            20 + random.nextInt(200));
      }
      g.dispose();
      for (int y = 0; y < 480; y += 2) {
        for (int x = 0; x < 640; x += 3) {
          image.setRGB(x, y, image.getRGB(x, y) ^ random.nextInt(0x202020));
        }
      }
      byte[] jpeg = TestImages.withExifOrientation(TestImages.encode(image, "jpeg"), 6, i % 2 == 0);
      bytes += jpeg.length;
      Path file = dir.resolve(i + ".jpg");
      Files.write(file, jpeg);
      files.add(file);
    }
    System.out.printf("%d JPEGs, 640 x 480, mean %d KB%n", count, bytes / count / 1024);
    return files;
  }

  private static void time(String name, List<Path> files, Prober prober) throws Exception {
    long check = 0;
    for (int round = 0; round < 3; round++) { // warm-up
      for (Path f : files) {
        check += prober.probe(f);
      }
    }
    int rounds = 5;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (Path f : files) {
        check += prober.probe(f);
      }
    }
    double micros = (System.nanoTime() - start) / 1000.0 / rounds / files.size();
    System.out.printf(
        "%-20s %7.1f us/image  %8.0f images/s/thread  (check %d)%n",
        name, micros, 1e6 / micros, check);
  }

  private static long metadataExtractor(Path file) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
    JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
    ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    int orientation = exif == null ? 1 : exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
    return jpeg.getImageWidth() + orientation;
  }

  private static long imageIo(Path file) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      try {
        reader.setInput(in, true, true);
        return reader.getWidth(0);
      } finally {
        reader.dispose();
      }
    }
  }
}
