package dev.loupe.core.workspace;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids as the platform writes them: a kind prefix and random hex ({@code ds_9f2c...}). */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String random(String prefix, int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return prefix + HexFormat.of().formatHex(random);
  }
}
