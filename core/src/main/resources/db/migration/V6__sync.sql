-- Loupe workspace schema, version 6: what a sync with a platform (the Ultralytics Platform or
-- `loupe serve`) knows about each linked dataset. Times are epoch milliseconds (UTC).

-- A local dataset linked to one remote dataset on one server.
CREATE TABLE sync_link (
  dataset_id          VARCHAR(40)   NOT NULL PRIMARY KEY,
  server              VARCHAR(1000) NOT NULL, -- the API base URL
  remote_id           VARCHAR(200)  NOT NULL,
  remote_slug         VARCHAR(200),
  last_local_revision BIGINT        NOT NULL, -- the dataset's revision when the last sync ended
  last_remote_state   VARCHAR(64),            -- fingerprint of the remote dataset the last sync saw
  synced_at           BIGINT        NOT NULL
);

-- The remote name of a local image (the platform's 32-hex image name, or the sha-256 a Loupe hub
-- uses), learned from responses. remote_name is null while an image was sent in an archive whose
-- ingest has not been seen yet (state 'sent', upload_session the archive's upload session, asked to
-- ingest again when a run finds the image still missing); remote_filename is the name it was sent under.
CREATE TABLE sync_image (
  dataset_id      VARCHAR(40)   NOT NULL,
  local_hash      CHAR(64)      NOT NULL,
  remote_name     VARCHAR(200),
  remote_filename VARCHAR(1000) NOT NULL,
  state           VARCHAR(10)   NOT NULL, -- sent, known
  upload_session  VARCHAR(200),
  PRIMARY KEY (dataset_id, local_hash)
);
CREATE INDEX sync_image_remote ON sync_image(dataset_id, remote_name);

-- Both sides as they were when an image last agreed: the local image revision and the fingerprint
-- of the remote labels and split (LabelFingerprint). A later change on either side is seen against it.
CREATE TABLE sync_base (
  dataset_id         VARCHAR(40) NOT NULL,
  local_hash         CHAR(64)    NOT NULL,
  local_revision     BIGINT      NOT NULL,
  remote_fingerprint CHAR(64)    NOT NULL,
  synced_at          BIGINT      NOT NULL,
  PRIMARY KEY (dataset_id, local_hash)
);

-- Both sides changed one image: the local one was kept, the remote one is here until resolved.
-- kind: labels (both edited), deleted-remotely (edited here, deleted there), deleted-locally.
CREATE TABLE sync_conflict (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  dataset_id         VARCHAR(40)  NOT NULL,
  local_hash         CHAR(64)     NOT NULL,
  kind               VARCHAR(20)  NOT NULL,
  remote_split       VARCHAR(10),
  remote_labels      CLOB,          -- the remote labels as the platform's JSON label list
  remote_fingerprint CHAR(64),
  created_at         BIGINT       NOT NULL,
  resolved_at        BIGINT,
  resolution         VARCHAR(10)    -- local, remote
);
CREATE INDEX sync_conflict_dataset ON sync_conflict(dataset_id, local_hash);
