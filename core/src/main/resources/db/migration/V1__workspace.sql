-- Loupe workspace schema, version 1. Times are epoch milliseconds (UTC); revisions come from one
-- workspace-wide counter so that a later sync can ask for "everything changed after revision R".

CREATE TABLE dataset (
  id           VARCHAR(40)   NOT NULL PRIMARY KEY,
  slug         VARCHAR(200)  NOT NULL,
  name         VARCHAR(500)  NOT NULL,
  description  VARCHAR(20000) NOT NULL DEFAULT '',
  task         VARCHAR(16)   NOT NULL,
  class_names  CLOB          NOT NULL,
  visibility   VARCHAR(10)   NOT NULL,
  kpt_shape    VARCHAR(40),
  flip_idx     VARCHAR(4000),
  extra        CLOB,
  created_at   BIGINT        NOT NULL,
  updated_at   BIGINT        NOT NULL,
  deleted_at   BIGINT,
  revision     BIGINT        NOT NULL
);
CREATE INDEX dataset_slug ON dataset(slug);

-- Image bytes live once in the content store, named by their sha-256.
CREATE TABLE blob (
  hash        CHAR(64)     NOT NULL PRIMARY KEY,
  size        BIGINT       NOT NULL,
  format      VARCHAR(10),
  width       INT          NOT NULL,
  height      INT          NOT NULL,
  thumb_state TINYINT      NOT NULL DEFAULT 0, -- 0 pending, 1 done, 2 failed
  created_at  BIGINT       NOT NULL
);
CREATE INDEX blob_thumb ON blob(thumb_state);

-- seq numbers images across the workspace in insertion order; as the primary key it is H2's row key,
-- so a page's rows are found by one lookup each and a dataset's rows lie in insertion order.
CREATE TABLE image (
  seq          BIGINT        NOT NULL PRIMARY KEY,
  dataset_id   VARCHAR(40)   NOT NULL,
  hash         CHAR(64)      NOT NULL,
  filename     VARCHAR(1000) NOT NULL,
  width        INT           NOT NULL,
  height       INT           NOT NULL,
  size         BIGINT        NOT NULL,
  split        TINYINT       NOT NULL,
  label_count  INT           NOT NULL,
  class_ids    VARBINARY(65535),
  has_error    BOOLEAN       NOT NULL, -- image_error or label_error is set
  image_error  VARCHAR(4000),          -- what is wrong with the bytes (corrupt, truncated...)
  label_error  VARCHAR(4000),          -- what was wrong with the labels as given
  url          VARCHAR(4000),
  created_at   BIGINT        NOT NULL,
  updated_at   BIGINT        NOT NULL,
  revision     BIGINT        NOT NULL
);
CREATE UNIQUE INDEX image_hash ON image(dataset_id, hash);
CREATE UNIQUE INDEX image_seq ON image(dataset_id, seq);

-- Labels of one image, encoded by LabelCodec; written in the same transaction as the image row.
CREATE TABLE image_labels (
  seq        BIGINT           NOT NULL PRIMARY KEY,
  dataset_id VARCHAR(40)      NOT NULL,
  hash       CHAR(64)         NOT NULL,
  data       VARBINARY(16777216) NOT NULL
);
-- found through the image row's seq: no index of its own on hash, one less to write per image

-- Deleted images leave a tombstone so that sync can propagate the deletion.
CREATE TABLE tombstone (
  dataset_id VARCHAR(40) NOT NULL,
  hash       CHAR(64)    NOT NULL,
  deleted_at BIGINT      NOT NULL,
  revision   BIGINT      NOT NULL,
  PRIMARY KEY (dataset_id, hash)
);

-- Workspace-wide counters that must never go back, such as the last image seq handed out (a
-- deleted image's seq is never reused: saved image indexes still hold it as a dead row).
CREATE TABLE meta (
  name  VARCHAR(40) NOT NULL PRIMARY KEY,
  counter BIGINT    NOT NULL
);

CREATE TABLE dataset_version (
  dataset_id   VARCHAR(40)    NOT NULL,
  number       INT            NOT NULL,
  description  VARCHAR(20000) NOT NULL DEFAULT '',
  created_at   BIGINT         NOT NULL,
  image_count  BIGINT         NOT NULL,
  class_count  INT            NOT NULL,
  label_count  BIGINT         NOT NULL,
  split_counts VARCHAR(200)   NOT NULL,
  file         VARCHAR(1000)  NOT NULL,
  bytes        BIGINT         NOT NULL,
  PRIMARY KEY (dataset_id, number)
);

-- Class statistics of a dataset as sums (ClassStatsCalculator), kept exact in the same transaction as
-- every change of images or labels.
CREATE TABLE class_stats (
  dataset_id VARCHAR(40)       NOT NULL PRIMARY KEY,
  data       VARBINARY(1048576) NOT NULL
);
