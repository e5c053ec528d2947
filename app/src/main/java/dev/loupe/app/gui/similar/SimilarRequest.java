package dev.loupe.app.gui.similar;

import dev.loupe.core.domain.Dataset;

/** "Find images like this one": image {@code hash} (file {@code filename}) of {@code dataset}. */
public record SimilarRequest(Dataset dataset, String hash, String filename) {}
