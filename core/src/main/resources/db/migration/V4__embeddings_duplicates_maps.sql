-- Loupe workspace schema, version 4: image vectors (embeddings), duplicate fingerprints and dataset
-- maps (ADR 0012). Vectors and fingerprints are keyed by image content (sha-256), so every dataset
-- holding an image shares them and a changed image (new content) gets new ones. Times are epoch
-- milliseconds (UTC).

-- One vector per image content and model ('builtin' or a model id): float32 values, little-endian.
CREATE TABLE embedding (
  model      VARCHAR(40)        NOT NULL,
  hash       CHAR(64)           NOT NULL,
  dimension  INT                NOT NULL,
  vector     VARBINARY(1048576) NOT NULL,
  created_at BIGINT             NOT NULL,
  PRIMARY KEY (model, hash)
);

-- What duplicate finding compares: a 64-bit hash of the decoded pixels (exact copies), a 64-bit DCT
-- perceptual hash and a 32 x 32 grey thumbnail (near copies). readable is false for an image that
-- could not be decoded (it is then nobody's duplicate).
CREATE TABLE image_fingerprint (
  hash        CHAR(64)        NOT NULL PRIMARY KEY,
  readable    BOOLEAN         NOT NULL,
  pixel_hash  BIGINT          NOT NULL,
  perceptual  BIGINT          NOT NULL,
  thumbnail   VARBINARY(1088) NOT NULL,
  created_at  BIGINT          NOT NULL
);

-- A 2-D map of a dataset as it was made: the layout of the vectors of model with seed, coloured into
-- clusters. points holds point_count points, each 32 bytes of image hash, x and y as float32 and the
-- cluster as int32, big-endian.
CREATE TABLE dataset_map (
  id          VARCHAR(40)    NOT NULL PRIMARY KEY,
  dataset_id  VARCHAR(40)    NOT NULL,
  model       VARCHAR(40)    NOT NULL,
  seed        BIGINT         NOT NULL,
  clusters    INT            NOT NULL,
  point_count INT            NOT NULL,
  points      BLOB           NOT NULL,
  created_at  BIGINT         NOT NULL
);
CREATE INDEX dataset_map_newest ON dataset_map(dataset_id, model, created_at);
