package dev.loupe.core.inference;

/** One class probability of a classification model. */
public record ClassScore(int classId, String name, double confidence) {}
