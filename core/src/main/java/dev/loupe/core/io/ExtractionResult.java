package dev.loupe.core.io;

/** What an extraction wrote: files, bytes, and entries skipped (macOS metadata). */
public record ExtractionResult(int files, long bytes, int skipped) {}
