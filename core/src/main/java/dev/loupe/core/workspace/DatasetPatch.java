package dev.loupe.core.workspace;

import dev.loupe.core.domain.Visibility;

/** A partial update ({@code PATCH /api/datasets/{id}}): null fields stay as they are. */
public record DatasetPatch(String name, String description, Visibility visibility) {}
