package dev.loupe.app.bench;

import dev.loupe.app.demo.DemoDatasetGenerator;
import dev.loupe.app.demo.DemoFolderWriter;
import dev.loupe.core.domain.Task;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The import goal: a YOLO zip of N 640x480 JPEGs with about 10 boxes each imported at >= 1,500
 * images/s on 2 cores (thumbnails excluded), then thumbnails at >= 100/s. The zip is generated once
 * into the benchmark folder and reused.
 */
public final class ImportBenchmark {
  private final PrintStream out;

  public ImportBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int images, int workers) throws IOException {
    Path zip = dir.resolve("yolo-" + images + ".zip");
    Path folder = dir.resolve("yolo-" + images);
    if (!Files.exists(zip)) {
      out.printf("generating %,d demo images with 1-19 boxes each (not timed)...%n", images);
      new DemoFolderWriter(new DemoDatasetGenerator(Task.DETECT, 7, 19), workers).write(folder, images, TaskMonitor.NONE);
      zip(folder, zip);
    }
    Path workspace = dir.resolve("ws-import");
    deleteTree(workspace);
    try (Workspace ws = Workspace.open(workspace)) {
      long start = System.nanoTime();
      ImportResult result =
          ws.importDataset(zip, ImportOptions.defaults().withWorkers(workers), TaskMonitor.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      long n = result.report().importedImages();
      out.printf("## import benchmark: %s (%,d bytes), %d worker threads%n", zip.getFileName(), Files.size(zip), workers);
      out.printf("imported %,d images, %,d labels, %d problems in %.2f s: %,.0f images/s (unzip included,"
              + " thumbnails excluded; the first import of a cold JVM, as a 'loupe import' command)%n",
          n, result.report().importedLabels(), result.report().problemCount(), seconds, n / seconds);
      out.printf("file creation on this disk right after: %.3f ms per file (1,000 files of 28 KB; this VM"
          + " ranges from about 0.02 to 1 ms, and an import creates one file per image)%n", fileCreationMs(dir));
      start = System.nanoTime();
      long thumbs = ws.thumbnails().generatePending(workers, TaskMonitor.NONE);
      double thumbSeconds = (System.nanoTime() - start) / 1e9;
      out.printf("thumbnails: %,d in %.2f s: %,.0f/s%n", thumbs, thumbSeconds, thumbs / thumbSeconds);
    }
    deleteTree(workspace);
    try (Workspace ws = Workspace.open(workspace)) {
      long start = System.nanoTime();
      ImportResult result =
          ws.importDataset(zip, ImportOptions.defaults().withWorkers(workers), TaskMonitor.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.printf("the same zip again, the JVM warm (as in the workbench, which stays open): %,d in %.2f s:"
              + " %,.0f images/s%n",
          result.report().importedImages(), seconds, result.report().importedImages() / seconds);
    }
    deleteTree(workspace);
    if (Files.isDirectory(folder)) {
      try (Workspace ws = Workspace.open(workspace)) {
        long start = System.nanoTime();
        ImportResult result =
            ws.importDataset(folder, ImportOptions.defaults().withWorkers(workers), TaskMonitor.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("the same images from the unpacked folder: %,d in %.2f s: %,.0f images/s%n",
            result.report().importedImages(), seconds, result.report().importedImages() / seconds);
      }
      deleteTree(workspace);
    }
  }

  private static void zip(Path folder, Path zip) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
        var files = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, z);
        z.closeEntry();
      }
    }
  }

  /** What creating one file costs at the moment, in ms: the part of an import the (virtual) disk decides. */
  private static double fileCreationMs(Path dir) throws IOException {
    Path probe = dir.resolve("file-creation-probe");
    deleteTree(probe);
    Files.createDirectories(probe);
    byte[] bytes = new byte[28_000];
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      Files.write(probe.resolve("f" + i), bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
    }
    double ms = (System.nanoTime() - start) / 1e6 / 1000;
    deleteTree(probe);
    return ms;
  }

  /** Deletes a benchmark's scratch folder. */
  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
