package dev.loupe.app.gui.gallery;

import dev.loupe.core.domain.Split;

/** An image of the gallery: its hash, file name and split. */
public record GalleryImage(String hash, String filename, Split split) {}
