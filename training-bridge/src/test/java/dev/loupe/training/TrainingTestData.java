package dev.loupe.training;

import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.Workspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import javax.imageio.ImageIO;

/** A small detect dataset imported into a workspace, and the model inspector of the real engines. */
public final class TrainingTestData {
  private TrainingTestData() {}

  /** The engines' inspector ({@code ModelLoader.inspect}). */
  public static final Function<Path, ModelInfo> INSPECTOR = file -> {
    try {
      return ModelLoader.inspect(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  };

  /**
   * Writes a YOLO detect folder of {@code train} + {@code val} + {@code test} images (classes cat and
   * dog, one box each) at {@code root}.
   */
  public static Path yoloFolder(Path root, int train, int val, int test) throws IOException {
    return yoloFolder(root, train, val, test, 0);
  }

  /** As {@link #yoloFolder(Path, int, int, int)}, its images numbered (and drawn) from {@code first}. */
  public static Path yoloFolder(Path root, int train, int val, int test, int first) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("data.yaml"),
        "train: images/train\nval: images/val\ntest: images/test\nnames:\n  0: cat\n  1: dog\n");
    int i = first;
    for (String split : new String[] {"train", "val", "test"}) {
      int n = split.equals("train") ? train : split.equals("val") ? val : test;
      Path images = Files.createDirectories(root.resolve("images").resolve(split));
      Path labels = Files.createDirectories(root.resolve("labels").resolve(split));
      for (int k = 0; k < n; k++, i++) {
        BufferedImage image = new BufferedImage(40 + i, 30 + i, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20 * i % 255, 90, 200 - i));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.dispose();
        ImageIO.write(image, "png", images.resolve("img" + i + ".png").toFile());
        Files.writeString(labels.resolve("img" + i + ".txt"), (i % 2) + " 0.5 0.5 0.4 0.3\n");
      }
    }
    return root;
  }

  /** Imports such a folder as dataset {@code name}; returns its slug. */
  public static String importDataset(Workspace ws, Path folder, String name) throws IOException {
    return ws.importDataset(folder, ImportOptions.defaults().withName(name), TaskMonitor.NONE).dataset().slug();
  }

  /** Writes a classify folder ({@code <split>/<class>/<image>}): classes cat and dog, in each split. */
  public static Path classifyFolder(Path root, int train, int val) throws IOException {
    int i = 0;
    for (String split : new String[] {"train", "val"}) {
      int n = split.equals("train") ? train : val;
      for (int k = 0; k < n; k++, i++) {
        Path folder = Files.createDirectories(root.resolve(split).resolve(k % 2 == 0 ? "cat" : "dog"));
        BufferedImage image = new BufferedImage(32 + i, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x10101 * i);
        ImageIO.write(image, "png", folder.resolve("img" + i + ".png").toFile());
      }
    }
    return root;
  }
}
