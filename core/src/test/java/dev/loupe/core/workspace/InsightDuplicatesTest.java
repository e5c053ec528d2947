package dev.loupe.core.workspace;

import static dev.loupe.core.workspace.InsightTestData.add;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Split;
import dev.loupe.core.inference.BgrImage;
import dev.loupe.core.inference.ImageDecoding;
import dev.loupe.core.insight.DuplicateFinder;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.insight.SyntheticImages;
import dev.loupe.core.task.TaskMonitor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightDuplicatesTest {
  @TempDir Path tmp;

  /** The pixels a JPEG decodes to, as a picture (to re-save them losslessly). */
  private static BufferedImage decoded(byte[] jpeg) throws IOException {
    BgrImage bgr = new ImageDecoding().decode(jpeg, "x.jpg");
    BufferedImage image = new BufferedImage(bgr.width(), bgr.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(bgr.pixels(), 0, data, 0, data.length);
    return image;
  }

  @Test
  void exactAndNearCopiesAreGroupedAndLeaksFlagged() throws IOException {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      byte[] a = SyntheticImages.jpeg(SyntheticImages.picture(11, 640, 480), 0.9f);
      BufferedImage aPixels = decoded(a);
      String original = add(ws, "d", "a.jpg", a, Split.TRAIN);
      String samePixels = add(ws, "d", "a.png", SyntheticImages.png(aPixels), Split.VAL);

      byte[] b = SyntheticImages.jpeg(SyntheticImages.picture(12, 640, 480), 0.9f);
      BufferedImage bPixels = decoded(b);
      String bOriginal = add(ws, "d", "b.jpg", b, Split.TRAIN);
      String resized = add(ws, "d", "b-small.jpg", SyntheticImages.jpeg(SyntheticImages.resized(bPixels, 0.6), 0.9f), Split.TRAIN);
      String reencoded = add(ws, "d", "b-q60.jpg", SyntheticImages.jpeg(bPixels, 0.6f), Split.TRAIN);
      String cropped = add(ws, "d", "b-crop.jpg",
          SyntheticImages.jpeg(SyntheticImages.cropped(bPixels, 0.08, new Random(3)), 0.8f), Split.TRAIN);
      for (int i = 0; i < 8; i++) {
        add(ws, "d", "other" + i + ".jpg", SyntheticImages.jpeg(SyntheticImages.picture(100 + i, 640, 480), 0.9f), Split.TRAIN);
      }
      add(ws, "d", "broken.jpg", "not an image".getBytes(), Split.TRAIN);

      List<DuplicateGroup> groups = ws.insight().duplicates("d", DuplicateFinder.DEFAULT_THRESHOLD, TaskMonitor.NONE);

      assertThat(groups).hasSize(2);
      DuplicateGroup exact = groups.get(0);
      assertThat(exact.kind()).isEqualTo(DuplicateGroup.Kind.EXACT);
      assertThat(exact.crossSplit()).isTrue();
      assertThat(exact.images()).extracting(DuplicateImage::hash).containsExactly(original, samePixels);
      DuplicateGroup near = groups.get(1);
      assertThat(near.kind()).isEqualTo(DuplicateGroup.Kind.NEAR);
      assertThat(near.crossSplit()).isFalse();
      assertThat(near.images()).extracting(DuplicateImage::hash).containsExactly(bOriginal, resized, reencoded, cropped);
      assertThat(near.images().get(3).filename()).isEqualTo("b-crop.jpg");

      assertThat(ws.insight().duplicates("d", 0, TaskMonitor.NONE)).containsExactly(exact);
      assertThat(InsightTestData.rows(ws, "image_fingerprint")).isEqualTo(15);
      assertThatThrownBy(() -> ws.insight().duplicates("d", 1.5, TaskMonitor.NONE))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be from 0 to 1, was 1.5");
      assertThatThrownBy(() -> ws.insight().duplicates("nope", 0.3, TaskMonitor.NONE)).isInstanceOf(NotFoundException.class);
    }
  }
}
