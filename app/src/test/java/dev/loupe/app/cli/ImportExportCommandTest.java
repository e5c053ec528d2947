package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {
  @TempDir Path temp;

  @Test
  void importedYoloFolderExportsTheSameLabelFiles() throws IOException {
    Path source = temp.resolve("shapes");
    writeImage(source.resolve("images/train/a.png"), 64, 48, 0x336699);
    writeImage(source.resolve("images/train/b.png"), 64, 48, 0x996633);
    writeImage(source.resolve("images/val/c.png"), 32, 32, 0x669933);
    write(source.resolve("labels/train/a.txt"), "0 0.5 0.5 0.25 0.125\n1 0.1 0.2 0.05 0.1\n");
    write(source.resolve("labels/train/b.txt"), "1 0.333333 0.666667 0.2 0.3\n");
    write(source.resolve("labels/val/c.txt"), "");
    write(source.resolve("data.yaml"), "train: images/train\nval: images/val\nnames:\n  0: cat\n  1: dog\n");
    Cli cli = new Cli(temp.resolve("ws"));

    JsonNode result = cli.json("import", source.toString(), "--name", "Shapes");
    assertThat(result.path("dataset").path("slug").asText()).isEqualTo("shapes");
    assertThat(result.path("imported").asLong()).isEqualTo(3);
    assertThat(result.path("labels").asLong()).isEqualTo(3);
    assertThat(result.path("skipped").asLong()).isZero();
    assertThat(result.path("problems").isArray()).isTrue();

    Path out = temp.resolve("out");
    Cli.Result export = cli.ok("export", "shapes", "--format", "yolo", "--out", out.toString());
    assertThat(export.out()).contains("exported 3 images");
    assertSameLabelFiles(source.resolve("labels"), out.resolve("labels"));
    assertThat(Files.readString(out.resolve("data.yaml"))).contains("cat").contains("dog");
  }

  @Test
  void importTextSummaryNamesTheProblems() throws IOException {
    Path source = temp.resolve("bad");
    writeImage(source.resolve("images/train/a.png"), 64, 48, 0x336699);
    write(source.resolve("labels/train/a.txt"), "0 0.5 0.5 0.25 0.125\nnot a row\n");
    write(source.resolve("labels/train/orphan.txt"), "0 0.5 0.5 0.1 0.1\n");
    write(source.resolve("data.yaml"), "train: images/train\nval: images/train\nnames:\n  0: cat\n");
    Cli.Result r = new Cli(temp.resolve("ws")).ok("import", source.toString(), "--no-thumbnails");
    assertThat(r.out()).contains("imported  1 images").contains("bad_row").contains("a.txt");
    assertThat(r.out()).contains("label_without_image");
  }

  @Test
  void exportToZipWritesAZip() throws IOException {
    Cli cli = new Cli(temp.resolve("ws"));
    cli.ok("demo", "--images", "4", "--no-thumbnails");
    Path zip = temp.resolve("demo.zip");
    cli.ok("export", "demo-detect", "--format", "ndjson", "--out", zip.toString());
    assertThat(Files.size(zip)).isPositive();
    try (var in = Files.newInputStream(zip)) {
      assertThat(in.readNBytes(2)).containsExactly('P', 'K');
    }
  }

  @Test
  void coco8ImportsWithStatsAndExportsIdenticalLabels() throws IOException {
    Path coco8 = Fixtures.require("coco8");
    Cli cli = new Cli(temp.resolve("ws"));
    JsonNode result = cli.json("import", coco8.toString(), "--no-thumbnails");
    String slug = result.path("dataset").path("slug").asText();
    assertThat(result.path("imported").asLong()).isEqualTo(8);

    JsonNode stats = cli.json("stats", slug);
    assertThat(stats.path("classNames")).hasSize(80);
    assertThat(stats.path("classes").get(0).path("count").asLong()).isPositive();
    assertThat(stats.path("sampleSize").asLong()).isEqualTo(8);

    Path out = temp.resolve("coco8-out");
    cli.ok("export", slug, "--format", "yolo", "--out", out.toString());
    assertSameLabelFiles(coco8.resolve("labels"), out.resolve("labels"));
  }

  /** Every label file under {@code expected} has a twin under {@code actual} with the same rows to 6 decimals. */
  static void assertSameLabelFiles(Path expected, Path actual) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(expected)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Path twin = actual.resolve(expected.relativize(file).toString());
      assertThat(twin).as("exported %s", twin).exists();
      List<double[]> want = rows(file);
      List<double[]> got = rows(twin);
      assertThat(got).as(file.toString()).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertThat(got.get(i).length).as(file + " row " + i).isEqualTo(want.get(i).length);
        for (int j = 0; j < want.get(i).length; j++) {
          assertThat(got.get(i)[j]).as(file + " row " + i + " value " + j).isCloseTo(want.get(i)[j], within(1e-6));
        }
      }
    }
  }

  private static List<double[]> rows(Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.trim().split("\\s+");
      double[] row = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        row[i] = Double.parseDouble(parts[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static void writeImage(Path file, int w, int h, int rgb) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb ^ (x * 7 + y * 13));
      }
    }
    ImageIO.write(image, "png", file.toFile());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
