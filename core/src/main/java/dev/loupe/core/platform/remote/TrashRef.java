package dev.loupe.core.platform.remote;

/** The body of {@code POST /api/trash} (restore) and {@code DELETE /api/trash} (delete for good). */
public record TrashRef(String id, String type) {}
