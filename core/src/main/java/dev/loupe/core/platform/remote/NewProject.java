package dev.loupe.core.platform.remote;

/** The body of {@code POST /api/projects}. */
public record NewProject(String name, String slug, String description) {}
