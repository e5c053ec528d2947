package dev.loupe.app.gui.grid;

import dev.loupe.core.domain.Dataset;
import java.util.List;

/**
 * Open the labeling area on {@code hashes.get(index)}, with the grid's order for next and previous.
 * {@code hashes} is lazy ({@link QueryHashes}): it fetches pages as they are read.
 */
public record LabelingRequest(Dataset dataset, List<String> hashes, int index) {}
