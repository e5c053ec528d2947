package dev.loupe.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One signed-URL upload: what the client announced, where its bytes go, and, once PUT, their size
 * and sha-256; once completed (or ingested), the answer given, so asking twice repeats it.
 */
final class UploadSession {
  enum State { WAITING, UPLOADED, COMPLETED, INGESTED }

  final String id;
  final String assetType;
  final String assetId;
  final String filename;
  final long totalBytes;
  final String split;
  final Path file;
  final Instant expiresAt;
  private State state = State.WAITING;
  private long received;
  private String sha256;
  private ObjectNode result;

  UploadSession(String id, String assetType, String assetId, String filename, long totalBytes, String split,
      Path file, Instant expiresAt) {
    this.id = id;
    this.assetType = assetType;
    this.assetId = assetId;
    this.filename = filename;
    this.totalBytes = totalBytes;
    this.split = split;
    this.file = file;
    this.expiresAt = expiresAt;
  }

  synchronized State state() {
    return state;
  }

  synchronized void uploaded(long bytes, String hash) {
    this.received = bytes;
    this.sha256 = hash;
    this.state = State.UPLOADED;
  }

  synchronized void completed(ObjectNode answer) {
    this.result = answer;
    this.state = State.COMPLETED;
  }

  /** The archive was imported: {@code answer} is what ingest says, now and when asked again. */
  synchronized void ingested(ObjectNode answer) {
    this.result = answer;
    this.state = State.INGESTED;
  }

  synchronized long received() {
    return received;
  }

  synchronized String sha256() {
    return sha256;
  }

  synchronized ObjectNode result() {
    return result;
  }
}
