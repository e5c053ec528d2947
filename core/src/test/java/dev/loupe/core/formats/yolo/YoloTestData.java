package dev.loupe.core.formats.yolo;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Test helpers: tiny images, text files, a reader run, and an export source made of read items. */
final class YoloTestData {
  private YoloTestData() {}

  /** What a reader produced. */
  record Read(DatasetSpec spec, ImportReport report, List<ImportItem> items) {
    ImportItem item(String filename) {
      return items.stream()
          .filter(i -> i.filename().equals(filename))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no item " + filename + " in " + items));
    }
  }

  static Read read(DatasetReader reader, Path path) throws IOException {
    ImportReport report = new ImportReport();
    DatasetSpec spec = reader.readSpec(path, report);
    List<ImportItem> items = new ArrayList<>();
    reader.readItems(path, spec, report, items::add, TaskMonitor.NONE);
    return new Read(spec, report, items);
  }

  /** Writes a small image (png, jpg or anything ImageIO writes, by extension). */
  static Path image(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 4, file.hashCode() | 0xff000000);
    String name = file.getFileName().toString();
    String format = ImageFiles.suffix(name).equals("png") ? "png" : "jpg";
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
    return file;
  }

  static Path text(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** An export source holding the items a reader produced, as the workspace would hand them over. */
  static ExportSource source(DatasetSpec spec, List<ImportItem> items) {
    Instant now = Instant.EPOCH;
    Dataset dataset =
        new Dataset("ds_test", "test", spec.name(), spec.description(), spec.task(),
            spec.classNames(), Visibility.PRIVATE, spec.kptShape(), spec.flipIdx(), spec.extra(),
            now, now, 1);
    List<ExportItem> exports = new ArrayList<>();
    for (ImportItem item : items) {
      String fakeHash = Integer.toHexString(String.valueOf(item.image()).hashCode()) + "00000000";
      ImageRecord record =
          new ImageRecord(fakeHash, item.filename(), 16, 12, 0, item.split(), item.labels().size(),
              false, null, null, now, now, 1);
      exports.add(new ExportItem(record, item.labels(), item.image()));
    }
    return new ExportSource() {
      @Override
      public Dataset dataset() {
        return dataset;
      }

      @Override
      public long imageCount() {
        return exports.size();
      }

      @Override
      public void forEach(Consumer<ExportItem> out, TaskMonitor monitor) {
        exports.forEach(out);
      }
    };
  }
}
