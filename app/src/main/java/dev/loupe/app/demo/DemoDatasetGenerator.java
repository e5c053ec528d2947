package dev.loupe.app.demo;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws synthetic images with exact labels: each sample is a pure function of (task, seed, index).
 * A box label is the drawn rectangle, a polygon the drawn polygon, an oriented box the drawn rotated
 * rectangle's corners, a pose 17 COCO keypoints drawn as dots with the box around them. Objects of
 * one image never overlap, so every label stays visible. About 80% of images go to train, the rest to
 * val.
 */
public final class DemoDatasetGenerator {
  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;
  /** Pose boxes reach this far beyond the outermost keypoints, in pixels. */
  static final int POSE_MARGIN = 8;

  private static final List<String> COLOR_NAMES = List.of("red", "green", "blue", "yellow");
  private static final Color[] COLORS = {
    new Color(220, 40, 40), new Color(40, 170, 60), new Color(40, 80, 220), new Color(235, 200, 30),
  };

  private final Task task;
  private final long seed;
  private final int maxObjects;

  public DemoDatasetGenerator(Task task, long seed) {
    this(task, seed, task == Task.POSE ? 3 : 5);
  }

  /** A generator drawing 1 to {@code maxObjects} objects per image (fewer where they do not fit). */
  public DemoDatasetGenerator(Task task, long seed, int maxObjects) {
    if (task != Task.DETECT && task != Task.SEGMENT && task != Task.OBB && task != Task.POSE) {
      throw new IllegalArgumentException(
          "demo datasets are detect, segment, obb or pose, not " + task.apiName());
    }
    if (maxObjects < 1) {
      throw new IllegalArgumentException("maxObjects must be at least 1, got " + maxObjects);
    }
    this.task = task;
    this.seed = seed;
    this.maxObjects = maxObjects;
  }

  public Task task() {
    return task;
  }

  public List<String> classNames() {
    return task == Task.POSE ? List.of("person") : COLOR_NAMES;
  }

  /** The image at {@code index}; the same arguments always give the same pixels and labels. */
  public DemoSample sample(int index) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    Split split = random.nextDouble() < 0.8 ? Split.TRAIN : Split.VAL;
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      background(g, random);
      List<Label> labels = new ArrayList<>();
      List<Rectangle2D> taken = new ArrayList<>();
      int objects = 1 + random.nextInt(maxObjects);
      for (int i = 0; i < objects; i++) {
        Label label = drawObject(g, random, taken);
        if (label != null) {
          labels.add(label);
        }
      }
      return new DemoSample(index, String.format("demo_%06d.jpg", index), split, image, labels);
    } finally {
      g.dispose();
    }
  }

  private static long mix(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A grey gradient crossed by faint strokes and blots, so the objects sit on texture. */
  private static void background(Graphics2D g, SplittableRandom r) {
    int base = 90 + r.nextInt(80);
    g.setPaint(new java.awt.GradientPaint(0, 0, new Color(base, base, base), WIDTH, HEIGHT,
        new Color(base + 40, base + 35, base + 30)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    for (int i = 0; i < 60; i++) {
      int grey = r.nextInt(256);
      g.setColor(new Color(grey, grey, grey, 30 + r.nextInt(40)));
      g.setStroke(new BasicStroke(1 + r.nextInt(4)));
      g.draw(new Line2D.Double(r.nextInt(WIDTH), r.nextInt(HEIGHT), r.nextInt(WIDTH), r.nextInt(HEIGHT)));
    }
    for (int i = 0; i < 25; i++) {
      int grey = r.nextInt(256);
      g.setColor(new Color(grey, grey, grey, 25 + r.nextInt(30)));
      int size = 10 + r.nextInt(60);
      g.fill(new Ellipse2D.Double(r.nextInt(WIDTH), r.nextInt(HEIGHT), size, size));
    }
  }

  /** Draws one object where it overlaps none drawn before; null when no free place was found. */
  private Label drawObject(Graphics2D g, SplittableRandom r, List<Rectangle2D> taken) {
    for (int attempt = 0; attempt < 30; attempt++) {
      Label label = switch (task) {
        case DETECT -> box(g, r, taken);
        case SEGMENT -> polygon(g, r, taken);
        case OBB -> rotatedBox(g, r, taken);
        default -> person(g, r, taken);
      };
      if (label != null) {
        return label;
      }
    }
    return null;
  }

  private static boolean free(List<Rectangle2D> taken, Rectangle2D bounds) {
    Rectangle2D padded = new Rectangle2D.Double(
        bounds.getX() - 4, bounds.getY() - 4, bounds.getWidth() + 8, bounds.getHeight() + 8);
    for (Rectangle2D t : taken) {
      if (t.intersects(padded)) {
        return false;
      }
    }
    taken.add(bounds);
    return true;
  }

  private Label box(Graphics2D g, SplittableRandom r, List<Rectangle2D> taken) {
    int w = 30 + r.nextInt(170);
    int h = 30 + r.nextInt(170);
    int x = r.nextInt(WIDTH - w + 1);
    int y = r.nextInt(HEIGHT - h + 1);
    int cls = r.nextInt(COLORS.length);
    if (!free(taken, new Rectangle2D.Double(x, y, w, h))) {
      return null;
    }
    g.setColor(COLORS[cls]);
    g.fillRect(x, y, w, h);
    return new BoxLabel(cls, (x + w / 2.0) / WIDTH, (y + h / 2.0) / HEIGHT, (double) w / WIDTH, (double) h / HEIGHT);
  }

  private Label polygon(Graphics2D g, SplittableRandom r, List<Rectangle2D> taken) {
    int radius = 30 + r.nextInt(80);
    int cx = radius + r.nextInt(WIDTH - 2 * radius + 1);
    int cy = radius + r.nextInt(HEIGHT - 2 * radius + 1);
    int vertices = 3 + r.nextInt(6);
    double[] pixels = new double[vertices * 2];
    double start = r.nextDouble() * Math.PI * 2;
    for (int i = 0; i < vertices; i++) {
      double angle = start + i * 2 * Math.PI / vertices + (r.nextDouble() - 0.5) * Math.PI / vertices;
      double rad = radius * (0.55 + 0.45 * r.nextDouble());
      pixels[2 * i] = Math.round(cx + rad * Math.cos(angle));
      pixels[2 * i + 1] = Math.round(cy + rad * Math.sin(angle));
    }
    int cls = r.nextInt(COLORS.length);
    return fillIfFree(g, taken, pixels, cls) ? new PolygonLabel(cls, Coords.of(normalized(pixels))) : null;
  }

  private Label rotatedBox(Graphics2D g, SplittableRandom r, List<Rectangle2D> taken) {
    double w = 30 + r.nextInt(150);
    double h = 20 + r.nextInt(100);
    double reach = Math.hypot(w, h) / 2;
    double cx = reach + r.nextDouble() * (WIDTH - 2 * reach);
    double cy = reach + r.nextDouble() * (HEIGHT - 2 * reach);
    double angle = r.nextDouble() * Math.PI;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double[][] local = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
    double[] pixels = new double[8];
    for (int i = 0; i < 4; i++) {
      pixels[2 * i] = cx + local[i][0] * cos - local[i][1] * sin;
      pixels[2 * i + 1] = cy + local[i][0] * sin + local[i][1] * cos;
    }
    int cls = r.nextInt(COLORS.length);
    return fillIfFree(g, taken, pixels, cls) ? new ObbLabel(cls, Coords.of(normalized(pixels))) : null;
  }

  /**
   * Fills the closed outline through {@code pixels} (x y pairs) in the class colour, unless it would
   * overlap an object drawn before; returns whether it was drawn.
   */
  private static boolean fillIfFree(Graphics2D g, List<Rectangle2D> taken, double[] pixels, int cls) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(pixels[0], pixels[1]);
    for (int i = 2; i < pixels.length; i += 2) {
      path.lineTo(pixels[i], pixels[i + 1]);
    }
    path.closePath();
    if (!free(taken, path.getBounds2D())) {
      return false;
    }
    g.setColor(COLORS[cls]);
    g.fill(path);
    return true;
  }

  /** Pixel x y pairs as coordinates normalized to the image. */
  private static double[] normalized(double[] pixels) {
    double[] out = new double[pixels.length];
    for (int i = 0; i < pixels.length; i += 2) {
      out[i] = pixels[i] / WIDTH;
      out[i + 1] = pixels[i + 1] / HEIGHT;
    }
    return out;
  }

  private Label person(Graphics2D g, SplittableRandom r, List<Rectangle2D> taken) {
    double height = 120 + r.nextInt(200);
    double width = height * (0.45 + 0.15 * r.nextDouble());
    double x0 = POSE_MARGIN + r.nextDouble() * (WIDTH - width - 2 * POSE_MARGIN);
    double y0 = POSE_MARGIN + r.nextDouble() * (HEIGHT - height - 2 * POSE_MARGIN);
    double[][] kp = new double[PoseFigure.KEYPOINTS][2];
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < kp.length; i++) {
      double fx = clamp(PoseFigure.TEMPLATE[i][0] + (r.nextDouble() - 0.5) * 0.06);
      double fy = clamp(PoseFigure.TEMPLATE[i][1] + (r.nextDouble() - 0.5) * 0.06);
      kp[i][0] = Math.round(x0 + fx * width);
      kp[i][1] = Math.round(y0 + fy * height);
      minX = Math.min(minX, kp[i][0]);
      minY = Math.min(minY, kp[i][1]);
      maxX = Math.max(maxX, kp[i][0]);
      maxY = Math.max(maxY, kp[i][1]);
    }
    Rectangle2D box = new Rectangle2D.Double(minX - POSE_MARGIN, minY - POSE_MARGIN,
        maxX - minX + 2 * POSE_MARGIN, maxY - minY + 2 * POSE_MARGIN);
    if (!free(taken, box)) {
      return null;
    }
    Color color = COLORS[r.nextInt(COLORS.length)];
    g.setColor(color.darker());
    g.setStroke(new BasicStroke(3));
    for (int[] limb : PoseFigure.SKELETON) {
      g.draw(new Line2D.Double(kp[limb[0]][0], kp[limb[0]][1], kp[limb[1]][0], kp[limb[1]][1]));
    }
    g.setColor(color);
    g.setStroke(new BasicStroke(2));
    g.draw(box);
    double[] keypoints = new double[PoseFigure.KEYPOINTS * 3];
    g.setColor(Color.WHITE);
    for (int i = 0; i < kp.length; i++) {
      g.fill(new Ellipse2D.Double(kp[i][0] - 4, kp[i][1] - 4, 8, 8));
      keypoints[3 * i] = kp[i][0] / WIDTH;
      keypoints[3 * i + 1] = kp[i][1] / HEIGHT;
      keypoints[3 * i + 2] = 2;
    }
    return new PoseLabel(0, box.getCenterX() / WIDTH, box.getCenterY() / HEIGHT, box.getWidth() / WIDTH,
        box.getHeight() / HEIGHT, Coords.of(keypoints), 3);
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
