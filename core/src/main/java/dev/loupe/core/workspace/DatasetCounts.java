package dev.loupe.core.workspace;

/** How many images (per split) and labels a dataset holds. */
public record DatasetCounts(long images, long labels, long train, long val, long test) {}
