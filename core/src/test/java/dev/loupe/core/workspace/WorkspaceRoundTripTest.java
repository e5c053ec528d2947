package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.io.ArchiveLimits;
import dev.loupe.core.io.UnsafeArchiveException;
import dev.loupe.core.task.TaskMonitor;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Datasets of every task through the workspace and back out, in every format that holds them. */
class WorkspaceRoundTripTest {
  @TempDir Path tmp;

  static String[][] rows(Task task) {
    return switch (task) {
      case DETECT -> new String[][] {{"0 0.5 0.5 0.25 0.125", "1 0.123457 0.654321 0.1 0.2"}, {"1 0.3 0.3 0.2 0.2"}, {}};
      case SEGMENT -> new String[][] {{"0 0.1 0.1 0.4 0.1 0.4 0.5 0.1 0.5"}, {"1 0.2 0.2 0.3 0.25 0.25 0.3"}, {}};
      case OBB -> new String[][] {{"0 0.1 0.1 0.5 0.2 0.45 0.4 0.05 0.3"}, {"1 0.6 0.6 0.9 0.6 0.9 0.8 0.6 0.8"}, {}};
      case POSE -> new String[][] {
          {"0 0.5 0.5 0.4 0.6 0.4 0.3 2 0.6 0.3 1 0.5 0.7 0"}, {"0 0.2 0.2 0.1 0.1 0.19 0.19 2 0.21 0.2 2 0 0 0"}, {}};
      default -> throw new IllegalArgumentException();
    };
  }

  private Path yoloSource(Task task) throws Exception {
    Path root = TestData.yolo(tmp.resolve("src-" + task.apiName()), List.of("a", "b"), rows(task),
        new String[] {"train", "val", "train"});
    if (task == Task.POSE) {
      Files.writeString(root.resolve("data.yaml"),
          Files.readString(root.resolve("data.yaml")) + "kpt_shape: [3, 3]\nflip_idx: [1, 0, 2]\n");
    }
    Files.writeString(root.resolve("data.yaml"), Files.readString(root.resolve("data.yaml")) + "download: https://example.org/x.zip\n");
    return root;
  }

  /** Every label file of a YOLO export: split/stem -> rows rounded to 6 decimals. */
  static Map<String, List<String>> labelFiles(Path root) throws Exception {
    Map<String, List<String>> files = new TreeMap<>();
    try (var walk = Files.walk(root.resolve("labels"))) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".txt")).toList()) {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(p)) {
          if (line.isBlank()) {
            continue;
          }
          StringBuilder sb = new StringBuilder();
          for (String v : line.trim().split("\\s+")) {
            sb.append(sb.length() == 0 ? "" : " ");
            YoloRows.appendNumber(sb, Double.parseDouble(v));
          }
          rows.add(sb.toString());
        }
        files.put(root.resolve("labels").relativize(p).toString(), rows);
      }
    }
    return files;
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "OBB", "POSE"})
  void yoloThroughTheWorkspaceGivesTheSameRowsNamesSplitsAndExtraKeys(Task task) throws Exception {
    Path src = yoloSource(task);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult r = ws.importDataset(src, ImportOptions.defaults().withTask(task), TaskMonitor.NONE);
      assertThat(r.dataset().task()).isEqualTo(task);
      Path out = tmp.resolve("out-yolo");
      ws.exportDataset(r.dataset().id(), "yolo", out, TaskMonitor.NONE);
      assertThat(labelFiles(out)).isEqualTo(labelFiles(src));
      String yaml = Files.readString(out.resolve("data.yaml"));
      assertThat(yaml).contains("download: https://example.org/x.zip").contains("val: images/val");
      if (task == Task.POSE) {
        assertThat(yaml).containsPattern("kpt_shape:\\s*\\[\\s*3,\\s*3\\s*]").contains("flip_idx");
      }

      // NDJSON out, into a new dataset, and out again: the same lines but the timestamps
      Path nd1 = tmp.resolve("one.ndjson");
      ws.exportDataset(r.dataset().id(), "ndjson", nd1, TaskMonitor.NONE);
      Path folder = tmp.resolve("nd-folder");
      ws.exportDataset(r.dataset().id(), "ndjson", folder, TaskMonitor.NONE);
      ImportResult again = ws.importDataset(folder, ImportOptions.defaults().withName("again"), TaskMonitor.NONE);
      assertThat(again.format()).isEqualTo("ndjson");
      Path nd2 = tmp.resolve("two.ndjson");
      ws.exportDataset(again.dataset().id(), "ndjson", nd2, TaskMonitor.NONE);
      assertThat(withoutTimes(nd2)).isEqualTo(withoutTimes(nd1).stream()
          .map(l -> l.replace("\"name\":\"" + r.dataset().name() + "\"", "\"name\":\"again\"")).toList());
      assertThat(labelsOf(ws, again.dataset().id())).isEqualTo(labelsOf(ws, r.dataset().id()));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE"})
  void cocoThroughTheWorkspaceKeepsBoxesPolygonsAndKeypoints(Task task) throws Exception {
    Path src = yoloSource(task);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult r = ws.importDataset(src, ImportOptions.defaults().withTask(task), TaskMonitor.NONE);
      Path coco = tmp.resolve("coco");
      ws.exportDataset(r.dataset().id(), "coco", coco, TaskMonitor.NONE);
      ImportResult back = ws.importDataset(coco, ImportOptions.defaults().withFormat("coco").withTask(task)
          .withName("back"), TaskMonitor.NONE);
      assertThat(back.dataset().classNames()).isEqualTo(r.dataset().classNames());
      Map<String, List<Label>> before = labelsOf(ws, r.dataset().id());
      Map<String, List<Label>> after = labelsOf(ws, back.dataset().id());
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (String key : before.keySet()) {
        assertThat(rounded(after.get(key))).as(key).isEqualTo(rounded(before.get(key)));
      }
    }
  }

  @Test
  void classifyFoldersRoundTripThroughTheWorkspaceAsFoldersAndNdjson() throws Exception {
    Path src = tmp.resolve("cls");
    String[][] layout = {{"train", "cat", "a.jpg"}, {"train", "dog", "b.jpg"}, {"val", "cat", "c.jpg"},
        {"test", "dog", "d.jpg"}};
    for (int i = 0; i < layout.length; i++) {
      Path dir = Files.createDirectories(src.resolve(layout[i][0]).resolve(layout[i][1]));
      Files.write(dir.resolve(layout[i][2]), TestData.jpeg(40, 30, 100 + i));
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult r = ws.importDataset(src, ImportOptions.defaults(), TaskMonitor.NONE);
      assertThat(r.format()).isEqualTo("classify");
      assertThat(r.dataset().task()).isEqualTo(Task.CLASSIFY);
      assertThat(r.dataset().classNames()).containsExactly("cat", "dog");
      Path out = tmp.resolve("out");
      ws.exportDataset(r.dataset().id(), "yolo", out, TaskMonitor.NONE);
      for (String[] entry : layout) {
        assertThat(out.resolve(entry[0]).resolve(entry[1]).resolve(entry[2])).exists();
      }
      Path nd = tmp.resolve("nd");
      ws.exportDataset(r.dataset().id(), "ndjson", nd, TaskMonitor.NONE);
      ImportResult back = ws.importDataset(nd, ImportOptions.defaults().withName("back"), TaskMonitor.NONE);
      assertThat(labelsOf(ws, back.dataset().id())).isEqualTo(labelsOf(ws, r.dataset().id()));
    }
  }

  @Test
  void zipAndTarGzArchivesImportLikeTheirFolders() throws Exception {
    Path src = yoloSource(Task.DETECT);
    Path zip = tmp.resolve("set.zip");
    Path tgz = tmp.resolve("set.tar.gz");
    try (var files = Files.walk(src);
        ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
        TarArchiveOutputStream t = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(tgz)))) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = "set/" + src.relativize(p).toString().replace('\\', '/');
        z.putNextEntry(new ZipEntry(name));
        Files.copy(p, z);
        z.closeEntry();
        TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name);
        t.putArchiveEntry(e);
        Files.copy(p, t);
        t.closeArchiveEntry();
      }
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult fromZip = ws.importDataset(zip, ImportOptions.defaults(), TaskMonitor.NONE);
      ImportResult fromTgz = ws.importDataset(tgz, ImportOptions.defaults(), TaskMonitor.NONE);
      assertThat(fromZip.dataset().name()).isEqualTo("set");
      assertThat(fromZip.report().importedImages()).isEqualTo(3);
      assertThat(labelsOf(ws, fromTgz.dataset().id())).isEqualTo(labelsOf(ws, fromZip.dataset().id()));
      // the zip's images are read from the zip itself (not unpacked): same bytes, same hashes
      java.util.Set<String> zipHashes = new java.util.HashSet<>();
      for (ImageRecord r : ws.images().list(fromZip.dataset().id(), ImageQuery.all()).images()) {
        zipHashes.add(r.hash());
        assertThat(ContentStore.sha256(Files.readAllBytes(ws.content().path(r.hash())))).isEqualTo(r.hash());
        assertThat(r.width()).isGreaterThan(0);
      }
      assertThat(ws.images().list(fromTgz.dataset().id(), ImageQuery.all()).images())
          .extracting(ImageRecord::hash).containsExactlyInAnyOrderElementsOf(zipHashes);
      try (var left = Files.list(ws.root().resolve("tmp"))) {
        assertThat(left.toList()).isEmpty();
      }
    }
  }

  @Test
  void unsafeOrOversizedArchivesAreRefusedAndLeaveNothing() throws Exception {
    Path evil = tmp.resolve("evil.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
      z.putNextEntry(new ZipEntry("../../escape.txt"));
      z.write("x".getBytes());
      z.closeEntry();
    }
    Path big = tmp.resolve("big.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(big))) {
      z.putNextEntry(new ZipEntry("data/zeros.bin"));
      OutputStream out = z;
      out.write(new byte[1 << 20]);
      z.closeEntry();
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertThatThrownBy(() -> ws.importDataset(evil, ImportOptions.defaults(), TaskMonitor.NONE))
          .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("escape");
      assertThatThrownBy(() -> ws.importDataset(big,
              ImportOptions.defaults().withLimits(new ArchiveLimits(1000, 10)), TaskMonitor.NONE))
          .isInstanceOf(UnsafeArchiveException.class);
      assertThat(ws.datasets().list()).isEmpty();
      assertThat(Files.exists(tmp.resolve("escape.txt"))).isFalse();
      try (var left = Files.list(ws.root().resolve("tmp"))) {
        assertThat(left.toList()).isEmpty();
      }
    }
  }

  @Test
  void inputThatIsNoDatasetGetsAClearError() throws Exception {
    Path nothing = Files.createDirectories(tmp.resolve("empty"));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertThatThrownBy(() -> ws.importDataset(nothing, ImportOptions.defaults(), TaskMonitor.NONE))
          .hasMessageContaining("not a dataset Loupe recognizes");
      assertThatThrownBy(() -> ws.importDataset(tmp.resolve("missing"), ImportOptions.defaults(), TaskMonitor.NONE))
          .hasMessageContaining("missing");
    }
  }

  private static List<String> withoutTimes(Path ndjson) throws Exception {
    return Files.readAllLines(ndjson).stream()
        .map(l -> l.replaceAll("\"(created_at|updated_at)\":\"[^\"]*\"", "")).toList();
  }

  static Map<String, List<Label>> labelsOf(Workspace ws, String datasetId) {
    Map<String, List<Label>> out = new TreeMap<>();
    for (ImageRecord r : ws.images().list(datasetId, ImageQuery.all().withPage(0, 5000)).images()) {
      out.put(r.split().apiName() + "/" + r.filename(), ws.labels().get(datasetId, r.hash()));
    }
    return out;
  }

  /** Rows with values rounded to 9 decimals: COCO keeps pixels, and x * w / w differs in the last bit. */
  private static List<String> rounded(List<Label> labels) {
    return labels.stream()
        .map(l -> {
          StringBuilder sb = new StringBuilder().append(l.classId());
          for (double v : YoloRows.values(l)) {
            sb.append(' ').append(String.format(java.util.Locale.ROOT, "%.9f", v));
          }
          return sb.toString();
        })
        .sorted()
        .toList();
  }
}
