package dev.loupe.core.platform.remote;

/** The body of {@code PATCH /api/projects/{id}}: only the non-null fields change. */
public record ProjectPatch(String name, String description, String visibility) {}
