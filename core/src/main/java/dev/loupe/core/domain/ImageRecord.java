package dev.loupe.core.domain;

import java.time.Instant;

/**
 * One image of a dataset. Its identity is the sha-256 of its bytes; the bytes live once in the
 * workspace's content store, shared by every dataset that holds them.
 *
 * @param width width after EXIF orientation, in pixels (0 when the image could not be read)
 * @param size file size in bytes
 * @param url where the image came from (NDJSON imports), kept for a later download; may be null
 * @param revision bumped by every change to the image or its labels
 */
public record ImageRecord(
    String hash,
    String filename,
    int width,
    int height,
    long size,
    Split split,
    int labelCount,
    boolean hasError,
    String errorReason,
    String url,
    Instant createdAt,
    Instant updatedAt,
    long revision) {}
