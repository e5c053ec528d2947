-- Loupe workspace schema, version 2: projects and models (as the platform's Projects and Models
-- APIs), and the auto-annotation runs that can be reverted. Times are epoch milliseconds (UTC).

CREATE TABLE project (
  id           VARCHAR(40)    NOT NULL PRIMARY KEY,
  slug         VARCHAR(200)   NOT NULL,
  name         VARCHAR(500)   NOT NULL,
  description  VARCHAR(20000) NOT NULL DEFAULT '',
  visibility   VARCHAR(10)    NOT NULL,
  icon_color   VARCHAR(10)    NOT NULL,
  created_at   BIGINT         NOT NULL,
  updated_at   BIGINT         NOT NULL
);
CREATE UNIQUE INDEX project_slug ON project(slug);

-- The model file lives once under models/ab/<file_hash>.<extension>, shared by every model row
-- holding the same bytes. task and class_names are null/empty when the file could not be inspected
-- (a .pt checkpoint Loupe cannot read); inspect_error then says why.
CREATE TABLE model (
  id            VARCHAR(40)    NOT NULL PRIMARY KEY,
  slug          VARCHAR(200)   NOT NULL,
  name          VARCHAR(500)   NOT NULL,
  description   VARCHAR(20000) NOT NULL DEFAULT '',
  project_id    VARCHAR(40),
  format        VARCHAR(16)    NOT NULL, -- onnx, torchscript, pt
  task          VARCHAR(16),
  class_names   CLOB           NOT NULL,
  imgsz_h       INT            NOT NULL,
  imgsz_w       INT            NOT NULL,
  stride        INT            NOT NULL,
  end2end       BOOLEAN        NOT NULL,
  kpt_shape     VARCHAR(40),
  channels      INT            NOT NULL,
  metadata      CLOB           NOT NULL,
  inspect_error VARCHAR(4000),
  file_name     VARCHAR(1000)  NOT NULL,
  file_ext      VARCHAR(20)    NOT NULL,
  file_hash     CHAR(64)       NOT NULL,
  file_size     BIGINT         NOT NULL,
  created_at    BIGINT         NOT NULL,
  updated_at    BIGINT         NOT NULL
);
CREATE UNIQUE INDEX model_slug ON model(slug);
CREATE INDEX model_project ON model(project_id);
CREATE INDEX model_file ON model(file_hash);

-- One auto-annotation run over a dataset; state is running, completed, cancelled, failed or
-- reverted (a process killed mid-run leaves running: it can still be reverted).
CREATE TABLE annotation_run (
  id            VARCHAR(40)    NOT NULL PRIMARY KEY,
  dataset_id    VARCHAR(40)    NOT NULL,
  model_id      VARCHAR(40),
  model_name    VARCHAR(500)   NOT NULL,
  conf          DOUBLE         NOT NULL,
  iou           DOUBLE         NOT NULL,
  selection     VARCHAR(200)   NOT NULL,
  state         VARCHAR(16)    NOT NULL,
  images_total  INT            NOT NULL,
  images_done   INT            NOT NULL DEFAULT 0,
  images_failed INT            NOT NULL DEFAULT 0,
  images_labeled INT           NOT NULL DEFAULT 0,
  labels_added  BIGINT         NOT NULL DEFAULT 0,
  labels_skipped BIGINT        NOT NULL DEFAULT 0,
  message       VARCHAR(4000),
  created_at    BIGINT         NOT NULL,
  finished_at   BIGINT,
  reverted_at   BIGINT
);
CREATE INDEX annotation_run_dataset ON annotation_run(dataset_id);

-- The labels every touched image had before the run (LabelCodec bytes), and the image revision the
-- run's write left: an image whose revision moved on was edited since.
CREATE TABLE annotation_run_image (
  run_id           VARCHAR(40)          NOT NULL,
  hash             CHAR(64)             NOT NULL,
  previous_labels  VARBINARY(16777216)  NOT NULL,
  written_revision BIGINT               NOT NULL,
  PRIMARY KEY (run_id, hash)
);
