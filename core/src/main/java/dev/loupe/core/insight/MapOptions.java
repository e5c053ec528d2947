package dev.loupe.core.insight;

import dev.loupe.core.map.LayoutOptions;

/**
 * How to map a dataset: the embeddings of {@code embed} (made first where missing), laid out with
 * {@code layout}, coloured into {@code clusters} clusters (0: picked by size).
 */
public record MapOptions(EmbedOptions embed, LayoutOptions layout, int clusters) {
  public static MapOptions defaults(long seed) {
    return new MapOptions(EmbedOptions.builtin(), LayoutOptions.defaults(seed), 0);
  }
}
