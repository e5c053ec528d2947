package dev.loupe.core.workspace;

import dev.loupe.core.domain.Task;
import dev.loupe.core.io.ArchiveLimits;

/**
 * How to import.
 *
 * @param format the reader to use ({@code yolo}, {@code classify}, {@code ndjson}, {@code coco}); null
 *     detects it
 * @param task forces the task where the files leave it open (a 9-value row is an obb or a polygon)
 * @param intoDataset id or slug of an existing dataset to add to; null creates a new dataset
 * @param name the new dataset's name; null takes the format's or the folder's
 * @param workers threads that read, hash and store image bytes
 * @param limits how far an archive may expand
 */
public record ImportOptions(
    String format, Task task, String intoDataset, String name, int workers, ArchiveLimits limits) {
  public ImportOptions {
    workers = workers < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workers;
    limits = limits == null ? ArchiveLimits.DEFAULT : limits;
  }

  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, null, 0, null);
  }

  public ImportOptions withName(String newName) {
    return new ImportOptions(format, task, intoDataset, newName, workers, limits);
  }

  public ImportOptions withFormat(String newFormat) {
    return new ImportOptions(newFormat, task, intoDataset, name, workers, limits);
  }

  public ImportOptions withTask(Task newTask) {
    return new ImportOptions(format, newTask, intoDataset, name, workers, limits);
  }

  public ImportOptions withLimits(ArchiveLimits newLimits) {
    return new ImportOptions(format, task, intoDataset, name, workers, newLimits);
  }

  public ImportOptions withWorkers(int newWorkers) {
    return new ImportOptions(format, task, intoDataset, name, newWorkers, limits);
  }

  public ImportOptions into(String dataset) {
    return new ImportOptions(format, task, dataset, name, workers, limits);
  }
}
