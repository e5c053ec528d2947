package dev.loupe.hub;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's own signed URLs (images, exports, uploads, model files), as the platform's storage hands
 * out: they carry no API key, only an expiry and an HMAC-SHA256 of the method, path and expiry under
 * a secret made when the hub starts (a restart expires them all).
 */
final class SignedUrls {
  private final byte[] secret = new byte[32];
  private final Clock clock;
  private final Duration lifetime;
  /** One initialized Mac per thread: a page of images signs fifty URLs. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  SignedUrls(Clock clock, Duration lifetime) {
    new SecureRandom().nextBytes(secret);
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** {@code base + path} with its expiry and signature, for {@code method} (GET or PUT). */
  String sign(String base, String method, String path) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    return base + path + "?expires=" + expires + "&signature=" + mac(method, path, expires);
  }

  /** When this URL's expiry was set (for answers that name it). */
  java.time.Instant expiry() {
    return clock.instant().plus(lifetime);
  }

  /**
   * Checks the request's signature and expiry.
   *
   * @throws ApiException 403 when the signature is missing, wrong or expired
   */
  void verify(Context ctx) {
    String expires = ctx.queryParam("expires");
    String signature = ctx.queryParam("signature");
    if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
      throw ApiException.forbidden("this URL is not signed");
    }
    long at = Long.parseLong(expires);
    String expected = mac(ctx.method().name(), ctx.path(), at);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
      throw ApiException.forbidden("the URL's signature does not match");
    }
    if (clock.instant().getEpochSecond() > at) {
      throw ApiException.forbidden("the signed URL has expired; ask the API for a new one");
    }
  }

  private String mac(String method, String path, long expires) {
    return HexFormat.of().formatHex(macs.get().doFinal((method + ' ' + path + ' ' + expires).getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }
}
