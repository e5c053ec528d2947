package dev.loupe.core.workspace;

import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import java.util.List;

/**
 * An image about to be added to a dataset whose bytes are already in the content store (or known
 * only by URL), with its labels.
 *
 * @param imageError what is wrong with the bytes, or null
 * @param labelError what was wrong with the labels as given, or null
 */
public record NewImage(
    String hash,
    String filename,
    int width,
    int height,
    long size,
    Split split,
    List<Label> labels,
    String imageError,
    String labelError,
    String url) {}
