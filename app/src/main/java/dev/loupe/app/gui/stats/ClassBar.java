package dev.loupe.app.gui.stats;

/** One class of the class distribution: its labels (instances) and the images holding one. */
public record ClassBar(int classId, String name, long instances, long images) {}
