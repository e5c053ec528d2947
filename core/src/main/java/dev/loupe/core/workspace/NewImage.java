package dev.loupe.core.workspace;

import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import java.util.List;

/** An image about to be added to a dataset, its bytes already in the content store. */
record NewImage(
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
