package dev.loupe.core.formats.yolo;

import static dev.loupe.core.formats.yolo.YoloTestData.image;
import static dev.loupe.core.formats.yolo.YoloTestData.read;
import static dev.loupe.core.formats.yolo.YoloTestData.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyRoundTripTest {
  @TempDir Path tmp;

  @Test
  void readWriteReadKeepsClassesSplitsAndSortedNames() throws Exception {
    Path src = tmp.resolve("src");
    image(src.resolve("train/dog/d1.jpg"));
    image(src.resolve("train/cat/c1.png"));
    image(src.resolve("train/cat/c2.jpg"));
    image(src.resolve("valid/cat/c3.jpg"));
    image(src.resolve("test/zebra/z1.jpg"));
    Files.createDirectories(src.resolve("train/ant"));

    ClassifyReader reader = new ClassifyReader();
    assertThat(reader.accepts(src)).isTrue();
    assertThat(new YoloReader(null).accepts(src)).isFalse();
    YoloTestData.Read first = read(reader, src);
    assertThat(first.spec().task()).isEqualTo(Task.CLASSIFY);
    assertThat(first.spec().classNames()).containsExactly("ant", "cat", "dog", "zebra");
    assertThat(first.item("c3.jpg").split()).isEqualTo(Split.VAL);
    assertThat(first.item("z1.jpg").labels()).containsExactly(new ClassLabel(3));

    Path out = tmp.resolve("out");
    assertThat(new ClassifyWriter().write(source(first.spec(), first.items()), out, TaskMonitor.NONE))
        .isEqualTo(5);
    assertThat(out.resolve("val/cat/c3.jpg")).exists();
    YoloTestData.Read second = read(reader, out);
    assertThat(second.spec().classNames()).isEqualTo(first.spec().classNames());
    assertThat(second.items()).extracting(ImportItem::split, ImportItem::filename, ImportItem::labels)
        .containsExactlyElementsOf(first.items().stream()
            .map(i -> org.assertj.core.groups.Tuple.tuple(i.split(), i.filename(), i.labels()))
            .toList());
  }
}
