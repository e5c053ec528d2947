package dev.loupe.core.workspace;

import java.time.Instant;

/** A deleted dataset waiting in the trash ({@code GET /api/trash}). */
public record TrashEntry(
    String id, String type, String name, String slug, long imageCount, Instant deletedAt, Instant expiresAt) {}
