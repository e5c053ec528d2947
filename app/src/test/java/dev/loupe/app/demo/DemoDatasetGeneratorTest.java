package dev.loupe.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoDatasetGeneratorTest {
  private static final int W = DemoDatasetGenerator.WIDTH;
  private static final int H = DemoDatasetGenerator.HEIGHT;

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "OBB", "POSE"})
  void sameSeedAndIndexGiveTheSamePixelsAndLabels(Task task) {
    DemoSample a = new DemoDatasetGenerator(task, 42).sample(5);
    DemoSample b = new DemoDatasetGenerator(task, 42).sample(5);
    DemoSample other = new DemoDatasetGenerator(task, 43).sample(5);
    assertThat(pixels(a.image())).isEqualTo(pixels(b.image()));
    assertThat(a.labels()).isEqualTo(b.labels());
    assertThat(pixels(other.image())).isNotEqualTo(pixels(a.image()));
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "OBB", "POSE"})
  void labelsAreInsideTheImageAndOfTheTasksKind(Task task) {
    DemoDatasetGenerator generator = new DemoDatasetGenerator(task, 1);
    for (int i = 0; i < 50; i++) {
      DemoSample s = generator.sample(i);
      assertThat(s.labels()).isNotEmpty();
      for (Label label : s.labels()) {
        assertThat(YoloRows.firstOutOfRange(label)).isNaN();
        assertThat(label.classId()).isBetween(0, generator.classNames().size() - 1);
        switch (task) {
          case DETECT -> assertThat(label).isInstanceOf(BoxLabel.class);
          case SEGMENT -> assertThat(label).isInstanceOf(PolygonLabel.class);
          case OBB -> assertThat(label).isInstanceOf(ObbLabel.class);
          default -> assertThat(((PoseLabel) label).keypointCount()).isEqualTo(17);
        }
      }
    }
  }

  @Test
  void aBoxLabelIsTheFilledRectangle() {
    DemoSample s = new DemoDatasetGenerator(Task.DETECT, 3).sample(0);
    for (Label label : s.labels()) {
      BoxLabel b = (BoxLabel) label;
      int x0 = (int) Math.round((b.cx() - b.w() / 2) * W);
      int y0 = (int) Math.round((b.cy() - b.h() / 2) * H);
      int x1 = (int) Math.round((b.cx() + b.w() / 2) * W) - 1;
      int y1 = (int) Math.round((b.cy() + b.h() / 2) * H) - 1;
      int color = s.image().getRGB(x0, y0);
      assertThat(s.image().getRGB(x1, y1)).isEqualTo(color);
      assertThat(s.image().getRGB(x0, y1)).isEqualTo(color);
      assertThat(s.image().getRGB(x1, y0)).isEqualTo(color);
      assertThat(s.image().getRGB((x0 + x1) / 2, (y0 + y1) / 2)).isEqualTo(color);
    }
  }

  @Test
  void poseBoxesEncloseTheirKeypoints() {
    DemoSample s = new DemoDatasetGenerator(Task.POSE, 9).sample(2);
    for (Label label : s.labels()) {
      PoseLabel p = (PoseLabel) label;
      double[] k = p.keypoints().toArray();
      for (int i = 0; i < k.length; i += 3) {
        assertThat(k[i]).isBetween(p.cx() - p.w() / 2, p.cx() + p.w() / 2);
        assertThat(k[i + 1]).isBetween(p.cy() - p.h() / 2, p.cy() + p.h() / 2);
        assertThat(k[i + 2]).isEqualTo(2.0);
      }
    }
  }

  @Test
  void objectsOfOneImageDoNotOverlap() {
    DemoSample s = new DemoDatasetGenerator(Task.DETECT, 11).sample(4);
    for (int i = 0; i < s.labels().size(); i++) {
      for (int j = i + 1; j < s.labels().size(); j++) {
        BoxLabel a = (BoxLabel) s.labels().get(i);
        BoxLabel b = (BoxLabel) s.labels().get(j);
        boolean apart = Math.abs(a.cx() - b.cx()) * 2 >= a.w() + b.w() || Math.abs(a.cy() - b.cy()) * 2 >= a.h() + b.h();
        assertThat(apart).isTrue();
      }
    }
  }

  @Test
  void classifyIsRefused() {
    assertThatThrownBy(() -> new DemoDatasetGenerator(Task.CLASSIFY, 0)).hasMessageContaining("classify");
  }

  private static int[] pixels(BufferedImage image) {
    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    return Arrays.copyOf(data, data.length);
  }
}
