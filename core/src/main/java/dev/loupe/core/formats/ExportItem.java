package dev.loupe.core.formats;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import java.nio.file.Path;
import java.util.List;

/**
 * One image to export: its record, labels and the file holding its bytes (null when the workspace
 * has only its URL).
 */
public record ExportItem(ImageRecord image, List<Label> labels, Path imageFile) {}
