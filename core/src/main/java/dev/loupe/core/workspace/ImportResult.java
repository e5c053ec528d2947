package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.ImportReport;

/** The dataset an import filled and what it found on the way. */
public record ImportResult(Dataset dataset, String format, ImportReport report) {}
