package dev.loupe.core.metrics;

/**
 * Validation figures of one class, or of all classes together ({@code classId} -1, name "all"), as
 * Ultralytics prints them.
 *
 * @param images images whose truths hold the class (all: images validated)
 * @param instances true objects of the class
 * @param precision precision at the confidence of maximum mean F1
 * @param recall recall at that confidence
 * @param map50 AP at IoU 0.5 (all: mean over the classes of the truths)
 * @param map50to95 AP averaged over IoU 0.50:0.05:0.95
 */
public record ClassMetrics(
    int classId,
    String name,
    int images,
    int instances,
    double precision,
    double recall,
    double map50,
    double map50to95) {}
