package dev.loupe.app.gui.explorer;

/** One line of the map's legend: what a colour ({@code argb}) stands for and how many points have it. */
public record LegendEntry(String name, int argb, int count) {}
