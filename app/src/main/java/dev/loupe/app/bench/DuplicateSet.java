package dev.loupe.app.bench;

import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Distinct generated pictures (640 x 480, JPEG quality 0.9) and the copies a dataset picks up, with
 * the truth of which images are copies of which. Each base picture gets, each by its own draw, an
 * exact copy (its decoded pixels saved as PNG: other bytes, the same pixels), a resized copy (scale
 * 0.4 to 0.8, JPEG 0.85), a re-encoded copy (JPEG quality 0.35 to 0.7) and a slightly cropped copy (2 to
 * 10 % of each side cut away, JPEG 0.85); some get none. Images of one base form one group: every pair
 * in it is a duplicate pair; pairs of an original and its exact copy are also exact pairs. Some bases
 * also get a look-alike, which is no copy: the picture with a large opaque ellipse (a quarter to a
 * third of each side) painted over it, JPEG 0.9, in a group of its own; it shows how far from a copy
 * a threshold still groups.
 */
final class DuplicateSet {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  /** What an image is of its group. */
  enum Kind {
    ORIGINAL,
    EXACT,
    RESIZED,
    REENCODED,
    CROPPED,
    LOOKALIKE
  }

  /** One image: its group (the base picture's number), what it is, its bytes and size, its split. */
  record Item(String filename, int group, Kind kind, byte[] bytes, int width, int height, Split split) {
    GeneratedImages.Image image() {
      return new GeneratedImages.Image(filename, bytes, width, height, split);
    }

    /** Whether this image has the same pixels as the original of its group. */
    boolean samePixelsAsOriginal() {
      return kind == Kind.ORIGINAL || kind == Kind.EXACT;
    }
  }

  private final List<Item> items;

  DuplicateSet(List<Item> items) {
    this.items = List.copyOf(items);
  }

  List<Item> items() {
    return items;
  }

  /** {@code bases} base pictures and their copies, drawn from {@code seed}, on all cores. */
  static DuplicateSet generate(int bases, long seed) {
    List<List<Item>> perBase = IntStream.range(0, bases).parallel().mapToObj(b -> base(b, seed)).toList();
    List<Item> all = new ArrayList<>();
    perBase.forEach(all::addAll);
    return new DuplicateSet(all);
  }

  private static List<Item> base(int b, long seed) {
    Random random = new Random(seed * 1_000_003L + b);
    byte[] original = SyntheticImages.jpeg(SyntheticImages.picture(seed * 7_919L + b, WIDTH, HEIGHT), 0.9f);
    BufferedImage pixels = decode(original);
    String stem = String.format("b%05d-", b);
    List<Item> out = new ArrayList<>();
    out.add(new Item(stem + "original.jpg", b, Kind.ORIGINAL, original, WIDTH, HEIGHT, split(random)));
    if (random.nextDouble() < 0.2) {
      out.add(new Item(stem + "exact.png", b, Kind.EXACT, SyntheticImages.png(pixels), WIDTH, HEIGHT, split(random)));
    }
    if (random.nextDouble() < 0.35) {
      BufferedImage small = SyntheticImages.resized(pixels, 0.4 + 0.4 * random.nextDouble());
      out.add(new Item(stem + "resized.jpg", b, Kind.RESIZED, SyntheticImages.jpeg(small, 0.85f), small.getWidth(),
          small.getHeight(), split(random)));
    }
    if (random.nextDouble() < 0.35) {
      float quality = (float) (0.35 + 0.35 * random.nextDouble());
      out.add(new Item(stem + "reencoded.jpg", b, Kind.REENCODED, SyntheticImages.jpeg(pixels, quality), WIDTH, HEIGHT,
          split(random)));
    }
    if (random.nextDouble() < 0.35) {
      BufferedImage crop = SyntheticImages.cropped(pixels, 0.02 + 0.08 * random.nextDouble(), random);
      out.add(new Item(stem + "cropped.jpg", b, Kind.CROPPED, SyntheticImages.jpeg(crop, 0.85f), crop.getWidth(),
          crop.getHeight(), split(random)));
    }
    if (random.nextDouble() < 0.2) {
      out.add(lookalike(pixels, b, stem, random)); // last: the pairs are found among neighbours of one group
    }
    return out;
  }

  /** The picture with an ellipse painted over it, in group {@code -1 - b} (its own). */
  private static Item lookalike(BufferedImage pixels, int b, String stem, Random random) {
    BufferedImage painted = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    java.awt.Graphics2D g = painted.createGraphics();
    try {
      g.drawImage(pixels, 0, 0, null);
      g.setColor(new java.awt.Color(random.nextInt(0xFFFFFF)));
      int w = WIDTH / 4 + random.nextInt(WIDTH / 12);
      int h = HEIGHT / 4 + random.nextInt(HEIGHT / 12);
      g.fillOval(random.nextInt(WIDTH - w), random.nextInt(HEIGHT - h), w, h);
    } finally {
      g.dispose();
    }
    return new Item(stem + "lookalike.jpg", -1 - b, Kind.LOOKALIKE, SyntheticImages.jpeg(painted, 0.9f), WIDTH, HEIGHT,
        split(random));
  }

  /** Train 80 %, val 10 %, test 10 %. */
  private static Split split(Random random) {
    double d = random.nextDouble();
    return d < 0.8 ? Split.TRAIN : d < 0.9 ? Split.VAL : Split.TEST;
  }

  private static BufferedImage decode(byte[] jpeg) {
    try {
      BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpeg));
      BufferedImage bgr = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
      bgr.getGraphics().drawImage(read, 0, 0, null);
      return bgr;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The true duplicate pairs (indices into {@link #items}): every pair of images of one group. */
  Set<Long> duplicatePairs() {
    return pairs(false);
  }

  /** The true exact pairs: pairs of one group whose images both have the original's pixels. */
  Set<Long> exactPairs() {
    return pairs(true);
  }

  /** The pairs of each base's original and its look-alike (no duplicates). */
  Set<Long> lookalikePairs() {
    Set<Long> out = new HashSet<>();
    int original = -1;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).kind() == Kind.ORIGINAL) {
        original = i;
      } else if (items.get(i).kind() == Kind.LOOKALIKE) {
        out.add(PairScore.key(original, i));
      }
    }
    return out;
  }

  private Set<Long> pairs(boolean samePixelsOnly) {
    Set<Long> out = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size() && items.get(j).group() == items.get(i).group(); j++) {
        if (!samePixelsOnly || (items.get(i).samePixelsAsOriginal() && items.get(j).samePixelsAsOriginal())) {
          out.add(PairScore.key(i, j));
        }
      }
    }
    return out;
  }
}
