package dev.loupe.core.workspace;

import dev.loupe.core.domain.Split;

/** How many images of a dataset are in a split, and how many labels they hold. */
public record SplitCount(Split split, long images, long labels) {}
