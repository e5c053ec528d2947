package dev.loupe.core.insight;

/**
 * What {@link DatasetInsight#embed} did: {@code embedded} images got a new vector, {@code reused} kept
 * the one stored for their content; vectors are {@code dimension} long; {@code model} is "builtin" or
 * the model's id.
 */
public record EmbedResult(String datasetId, int embedded, int reused, int dimension, String model) {}
