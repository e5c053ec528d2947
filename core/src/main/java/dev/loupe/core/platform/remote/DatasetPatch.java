package dev.loupe.core.platform.remote;

/** The body of {@code PATCH /api/datasets/{id}}: only the non-null fields change. */
public record DatasetPatch(String name, String description, String visibility) {}
