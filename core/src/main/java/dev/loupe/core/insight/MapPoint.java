package dev.loupe.core.insight;

import dev.loupe.core.domain.Split;

/** One image on a dataset's map. */
public record MapPoint(String hash, String filename, float x, float y, int cluster, Split split, int labelCount) {}
