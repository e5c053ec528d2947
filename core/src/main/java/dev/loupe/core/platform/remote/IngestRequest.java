package dev.loupe.core.platform.remote;

/**
 * The body of {@code POST /api/datasets/ingest}: exactly one of an upload session (an archive sent
 * through the signed-URL upload) or a remote ZIP, TAR, TAR.GZ, TGZ or NDJSON URL.
 *
 * @param targetSplit train, val or test to override the archive's splits; null keeps them
 */
public record IngestRequest(String sessionId, String sourceUrl, String targetSplit) {
  public IngestRequest {
    if ((sessionId == null) == (sourceUrl == null)) {
      throw new IllegalArgumentException("an ingest needs exactly one of sessionId or sourceUrl");
    }
  }

  public static IngestRequest ofUpload(String sessionId) {
    return new IngestRequest(sessionId, null, null);
  }

  public static IngestRequest ofUrl(String sourceUrl) {
    return new IngestRequest(null, sourceUrl, null);
  }

  public IngestRequest intoSplit(String split) {
    return new IngestRequest(sessionId, sourceUrl, split);
  }
}
