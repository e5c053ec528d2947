package dev.loupe.core.platform.remote;

import java.util.List;

/**
 * The body of {@code POST /api/datasets}.
 *
 * @param task detect, segment, semantic, classify, pose or obb
 * @param visibility private or public
 */
public record NewDataset(
    String slug, String name, String task, String description, String visibility, List<String> classNames) {}
