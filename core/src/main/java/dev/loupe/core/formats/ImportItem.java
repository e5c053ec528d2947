package dev.loupe.core.formats;

import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import java.nio.file.Path;
import java.util.List;

/**
 * One image a reader found, with the labels it could read for it.
 *
 * @param filename the image's file name as the dataset names it (no folders)
 * @param image where its bytes are; null when the format names the image but it is absent (an NDJSON
 *     record whose file was not shipped: then {@code url} says where it can be fetched later)
 * @param url the remote address given by the format, or null
 * @param width,height the size the format states (NDJSON, COCO), 0 when unknown: used only when the
 *     image file is absent, the file's own header wins otherwise
 * @param problems what was wrong with this image's labels (rows dropped, values out of range...): the
 *     import records them on the image as its error reason. Readers also count each in the report.
 */
public record ImportItem(
    String filename,
    Split split,
    Path image,
    String url,
    int width,
    int height,
    List<Label> labels,
    List<String> problems) {
  public ImportItem {
    labels = List.copyOf(labels);
    problems = List.copyOf(problems);
  }

  /** An item whose image file is at hand and whose size the file will tell. */
  public static ImportItem of(
      String filename, Split split, Path image, List<Label> labels, List<String> problems) {
    return new ImportItem(filename, split, image, null, 0, 0, labels, problems);
  }
}
