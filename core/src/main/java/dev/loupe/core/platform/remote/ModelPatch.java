package dev.loupe.core.platform.remote;

/** The body of {@code PATCH /api/models/{id}}: only the non-null fields change. */
public record ModelPatch(String name, String description) {}
