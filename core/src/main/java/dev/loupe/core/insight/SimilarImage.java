package dev.loupe.core.insight;

/** An image near another one in embedding space; {@code distance} grows as they differ. */
public record SimilarImage(String hash, String filename, double distance) {}
