package dev.loupe.core.insight;

/**
 * Which vectors to make: {@code modelId} null for the built-in descriptor, else a registered model
 * whose output is a vector; {@code workers} threads decode and embed.
 */
public record EmbedOptions(String modelId, int workers) {
  public EmbedOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  public static EmbedOptions builtin() {
    return new EmbedOptions(null, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }
}
