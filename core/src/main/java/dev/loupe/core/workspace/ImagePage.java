package dev.loupe.core.workspace;

import dev.loupe.core.domain.ImageRecord;
import java.util.List;

/**
 * One page of images.
 *
 * @param total how many images match the filters
 * @param nextCursor pass it back for the next page; null on the last page
 */
public record ImagePage(List<ImageRecord> images, long total, String nextCursor) {}
