package dev.loupe.core.sync;

import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import java.util.List;

/**
 * One image of a remote dataset as its NDJSON export describes it.
 *
 * @param name the name the remote routes take: the record's {@code hash} where it has one (a Loupe
 *     hub: the sha-256), else the last path segment of its URL without extension (the platform's
 *     32-hex name), else {@code file:<split>/<file>}
 * @param sha256 the record's {@code hash} when it is a sha-256 (then it is also the local identity)
 * @param url the signed image URL, or null
 * @param labels the labels with the remote dataset's class ids
 * @param problems what was wrong with its labels (rows dropped)
 * @param fingerprint {@link LabelFingerprint} of split and labels
 */
record RemoteRecord(
    String name,
    String sha256,
    String file,
    String url,
    int width,
    int height,
    Split split,
    List<Label> labels,
    List<String> problems,
    String fingerprint) {}
