package dev.loupe.app.gui.training;

/** The curves of one run as the charts show them: the run, its label in the legends and its epochs. */
public record RunCurves(String runId, String label, EpochTable epochs) {}
