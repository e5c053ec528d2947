package dev.loupe.core.insight;

import dev.loupe.core.domain.Split;

/** An image of a {@link DuplicateGroup}. */
public record DuplicateImage(String hash, String filename, Split split) {}
