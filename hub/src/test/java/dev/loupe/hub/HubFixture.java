package dev.loupe.hub;

import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.RateLimits;
import dev.loupe.core.workspace.ApiKeyStore;
import dev.loupe.core.workspace.Workspace;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** A workspace in a temp folder served by a hub on a free loopback port, with a key and a client. */
final class HubFixture implements AutoCloseable {
  /** Generous limits for tests that are not about limits. */
  static final RateLimits WIDE = RateLimits.platform().with(RateCategory.DEFAULT, 10_000)
      .with(RateCategory.UPLOAD, 10_000).with(RateCategory.EXPORT, 10_000).with(RateCategory.PREDICT, 10_000)
      .with(RateCategory.DOWNLOAD, 10_000);

  final Workspace workspace;
  final HubServer server;
  final String key;
  final PlatformClient client;

  HubFixture(Path dir) {
    this(dir, HubConfig.defaults().withPort(0).withLimits(WIDE));
  }

  HubFixture(Path dir, HubConfig config) {
    this.workspace = Workspace.open(dir.resolve("ws"));
    this.key = ApiKeyStore.of(workspace).create("test").key();
    this.server = HubServer.start(workspace, config);
    this.client = client(key);
  }

  PlatformClient client(String apiKey) {
    return PlatformClient.builder(server.baseUrl()).apiKey(apiKey == null ? null : ApiKey.parse(apiKey))
        .rateLimits(WIDE).build();
  }

  @Override
  public void close() {
    client.close();
    server.close();
    workspace.close();
  }

  /** A PNG of random blocks, different for each seed. */
  static byte[] png(int width, int height, long seed) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random r = new Random(seed);
    for (int i = 0; i < 8; i++) {
      g.setColor(new Color(r.nextInt(0xffffff)));
      g.fillRect(r.nextInt(width), r.nextInt(height), 1 + r.nextInt(width), 1 + r.nextInt(height));
    }
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YOLO detect dataset zip: {@code images} train images with one box of class 0 each. */
  static Path yoloZip(Path file, int images, long seed) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("data.yaml"));
      zip.write("names:\n  0: cat\n  1: dog\ntrain: images/train\nval: images/val\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < images; i++) {
        zip.putNextEntry(new ZipEntry("images/train/img" + i + ".png"));
        zip.write(png(64, 48, seed + i));
        zip.putNextEntry(new ZipEntry("labels/train/img" + i + ".txt"));
        zip.write("0 0.5 0.5 0.25 0.25\n".getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }
}
