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
  /** Seconds the last {@link #timedImport} took. */
  private double seconds;

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
    // One workspace per timed import, all deleted only after the last timing: on a file system
    // that skips recently deleted inodes when it creates files (ext4 without a journal does, for
    // one to six minutes), deleting tens of thousands of files just before an import slows it by
    // 2x. For the same reason, leave a few minutes between two runs.
    Path cold = dir.resolve("ws-import-cold");
    Path warm = dir.resolve("ws-import-warm");
    Path fromFolder = dir.resolve("ws-import-folder");
    if (Files.exists(cold) || Files.exists(warm) || Files.exists(fromFolder)) {
      out.println("note: deleting the workspaces an interrupted run left; on such a file system the"
          + " figures below can be low");
      deleteTree(cold);
      deleteTree(warm);
      deleteTree(fromFolder);
    }
    out.printf("## import benchmark: %s (%,d bytes), %d worker threads%n", zip.getFileName(), Files.size(zip), workers);
    try {
      try (Workspace ws = Workspace.open(cold)) {
        ImportResult result = timedImport(ws, zip, workers);
        out.printf("imported %,d images, %,d labels, %d problems in %.2f s: %,.0f images/s (unzip included,"
                + " thumbnails excluded; the first import of a cold JVM, as a 'loupe import' command)%n",
            result.report().importedImages(), result.report().importedLabels(), result.report().problemCount(),
            seconds, result.report().importedImages() / seconds);
        long start = System.nanoTime();
        long thumbs = ws.thumbnails().generatePending(workers, TaskMonitor.NONE);
        double thumbSeconds = (System.nanoTime() - start) / 1e9;
        out.printf("thumbnails: %,d in %.2f s: %,.0f/s%n", thumbs, thumbSeconds, thumbs / thumbSeconds);
      }
      try (Workspace ws = Workspace.open(warm)) {
        ImportResult result = timedImport(ws, zip, workers);
        out.printf("the same zip again, the JVM warm (as in the workbench, which stays open): %,d in %.2f s:"
                + " %,.0f images/s%n",
            result.report().importedImages(), seconds, result.report().importedImages() / seconds);
      }
      if (Files.isDirectory(folder)) {
        try (Workspace ws = Workspace.open(fromFolder)) {
          ImportResult result = timedImport(ws, folder, workers);
          out.printf("the same images from the unpacked folder: %,d in %.2f s: %,.0f images/s%n",
              result.report().importedImages(), seconds, result.report().importedImages() / seconds);
        }
      }
    } finally {
      deleteTree(cold);
      deleteTree(warm);
      deleteTree(fromFolder);
    }
  }

  private ImportResult timedImport(Workspace ws, Path source, int workers) throws IOException {
    long start = System.nanoTime();
    ImportResult result = ws.importDataset(source, ImportOptions.defaults().withWorkers(workers), TaskMonitor.NONE);
    seconds = (System.nanoTime() - start) / 1e9;
    return result;
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
