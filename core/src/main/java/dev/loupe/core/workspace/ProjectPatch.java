package dev.loupe.core.workspace;

import dev.loupe.core.domain.Visibility;

/** A partial update ({@code PATCH /api/projects/{id}}): null fields stay as they are. */
public record ProjectPatch(String name, String description, Visibility visibility) {}
