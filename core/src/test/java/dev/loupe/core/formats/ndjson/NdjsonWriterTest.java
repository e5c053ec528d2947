package dev.loupe.core.formats.ndjson;

import static dev.loupe.core.formats.ndjson.NdjsonRoundTripTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonWriterTest {
  @TempDir Path tmp;
  private final ObjectMapper mapper = new ObjectMapper();

  private ListExportSource detect() throws IOException {
    Path a = TinyImages.png(tmp.resolve("src"), "a.png", 16, 8);
    Path b = TinyImages.png(tmp.resolve("src"), "b.png", 8, 8);
    return new ListExportSource(ListExportSource.dataset(Task.DETECT, List.of("a", "b"), null, null, Map.of()))
        .add("a.png", Split.TRAIN, 16, 8, Files.size(a), a, null, List.of(new BoxLabel(1, 0.5, 0.5, 1, 0.25)))
        .add("b.png", Split.VAL, 8, 8, Files.size(b), b, "https://u/b.png", List.of());
  }

  @Test
  void headerAndImageLinesHaveThePlatformKeysInOrder() throws IOException {
    ListExportSource source = detect();
    Path out = tmp.resolve("x.jsonl");
    new NdjsonWriter(false, 7).write(source, out, TaskMonitor.NONE);

    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    JsonNode header = mapper.readTree(lines.get(0));
    assertThat(header.fieldNames()).toIterable().containsExactly("type", "task", "name", "description",
        "class_names", "bytes", "version", "created_at", "updated_at");
    long bytes = Files.size(tmp.resolve("src/a.png")) + Files.size(tmp.resolve("src/b.png"));
    assertThat(header.get("bytes").asLong()).isEqualTo(bytes);
    assertThat(header.get("version").asInt()).isEqualTo(7);
    assertThat(header.get("class_names").toString()).isEqualTo("{\"0\":\"a\",\"1\":\"b\"}");
    assertThat(header.get("created_at").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(lines.get(1)).isEqualTo("{\"type\":\"image\",\"file\":\"a.png\",\"width\":16,\"height\":8,"
        + "\"split\":\"train\",\"annotations\":{\"boxes\":[[1,0.5,0.5,1,0.25]]}}");
    assertThat(lines.get(2)).isEqualTo("{\"type\":\"image\",\"file\":\"b.png\",\"url\":\"https://u/b.png\","
        + "\"width\":8,\"height\":8,\"split\":\"val\"}");
  }

  @Test
  void snapshotWriterAddsTheHashToEachImageLine() throws IOException {
    Path out = tmp.resolve("v.ndjson");
    new NdjsonWriter(true).write(detect(), out, TaskMonitor.NONE);

    List<String> lines = Files.readAllLines(out);
    assertThat(mapper.readTree(lines.get(1)).get("hash").asText()).isEqualTo("sha256-a.png");
    assertThat(mapper.readTree(lines.get(2)).get("hash").asText()).isEqualTo("sha256-b.png");
  }

  @Test
  void folderExportCopiesImagesIntoSplitFoldersAndReadsBack() throws IOException {
    Path out = tmp.resolve("export");
    long n = new NdjsonWriter().write(detect(), out, TaskMonitor.NONE);

    assertThat(n).isEqualTo(2);
    assertThat(out.resolve("images/train/a.png")).hasSameBinaryContentAs(tmp.resolve("src/a.png"));
    assertThat(out.resolve("images/val/b.png")).exists();
    List<ImportItem> items = readAll(out, new ImportReport());
    assertThat(items).extracting(ImportItem::image)
        .containsExactly(out.resolve("images/train/a.png"), out.resolve("images/val/b.png"));
  }

  @Test
  void zipExportStoresImagesAndDeflatesTheNdjson() throws IOException {
    Path out = tmp.resolve("export.zip");
    new NdjsonWriter().write(detect(), out, TaskMonitor.NONE);

    try (ZipFile zip = new ZipFile(out.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName))
          .containsExactly("images/train/a.png", "images/val/b.png", "dataset.ndjson");
      assertThat(zip.getEntry("images/train/a.png").getMethod()).isEqualTo(ZipEntry.STORED);
      assertThat(zip.getEntry("images/train/a.png").getSize()).isEqualTo(Files.size(tmp.resolve("src/a.png")));
      assertThat(zip.getEntry("dataset.ndjson").getMethod()).isEqualTo(ZipEntry.DEFLATED);
      String text = new String(zip.getInputStream(zip.getEntry("dataset.ndjson")).readAllBytes());
      assertThat(text.lines()).hasSize(3);
    }
  }

  @Test
  void sameFileNameTwiceInASplitGetsASecondName() throws IOException {
    Path a = TinyImages.png(tmp.resolve("src"), "a.png", 16, 8);
    ListExportSource source = new ListExportSource(
            ListExportSource.dataset(Task.DETECT, List.of("a"), null, null, Map.of()))
        .add("a.png", Split.TRAIN, 16, 8, 1, a, null, List.of())
        .add("a.png", Split.TRAIN, 16, 8, 1, a, null, List.of());
    Path out = tmp.resolve("export");
    new NdjsonWriter().write(source, out, TaskMonitor.NONE);

    assertThat(readAll(out, new ImportReport())).extracting(ImportItem::filename)
        .containsExactly("a.png", "a_2.png");
    assertThat(out.resolve("images/train/a_2.png")).exists();
  }

  @Test
  void exportOf100000ImagesTakesWellUnderTenSeconds() throws IOException {
    ListExportSource source = new ListExportSource(
        ListExportSource.dataset(Task.DETECT, List.of("a", "b"), null, null, Map.of()));
    for (int i = 0; i < 100_000; i++) {
      source.add("img_" + i + ".jpg", Split.TRAIN, 640, 480, 50_000, null, "https://cdn/x/" + i,
          List.of(new BoxLabel(i % 2, 0.123456789 + i * 1e-7, 0.5, 0.25, 0.3333333333333333),
              new BoxLabel(0, 0.1, 0.2, 0.3, 0.4)));
    }
    Path out = tmp.resolve("big.ndjson");
    long start = System.nanoTime();
    new NdjsonWriter().write(source, out, TaskMonitor.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(Files.readAllLines(out)).hasSize(100_001);
    assertThat(seconds).isLessThan(5.0);
  }
}
