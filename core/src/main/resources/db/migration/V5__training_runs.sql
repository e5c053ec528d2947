-- Loupe workspace schema, version 5: training runs (issue 14), each a run of a training backend (the
-- ultralytics CLI on this machine, later the platform's cloud) over a dataset or one of its
-- versions. Times are epoch milliseconds (UTC).

-- status is queued, running, completed, failed, cancelled or interrupted. One process owns a
-- workspace, so a run still queued or running when a workspace opens belonged to a process that died:
-- opening marks it interrupted. args is a JSON object of the train arguments as given; metrics the
-- JSON object of the results.csv columns of the best epoch so far (the one best.pt holds).
CREATE TABLE training_run (
  id              VARCHAR(40)    NOT NULL PRIMARY KEY,
  dataset_id      VARCHAR(40)    NOT NULL,
  dataset_version INT,                    -- null: the live dataset
  backend         VARCHAR(16)    NOT NULL, -- local
  task            VARCHAR(16)    NOT NULL,
  name            VARCHAR(200)   NOT NULL,
  args            CLOB           NOT NULL,
  status          VARCHAR(16)    NOT NULL,
  run_dir         VARCHAR(4000),           -- the run folder: args.yaml, results.csv, weights/
  pid             BIGINT,                  -- the training process last started
  epochs          INT            NOT NULL, -- asked for
  epochs_done     INT            NOT NULL DEFAULT 0,
  metrics         CLOB,
  model_id        VARCHAR(40),             -- best.pt, registered
  onnx_model_id   VARCHAR(40),             -- its ONNX export, where the export worked
  console_tail    CLOB,                    -- the last lines of stdout and stderr
  message         VARCHAR(4000),           -- why it failed, or what was left undone
  created_at      BIGINT         NOT NULL,
  started_at      BIGINT,
  finished_at     BIGINT,
  updated_at      BIGINT         NOT NULL
);
CREATE INDEX training_run_dataset ON training_run(dataset_id);
CREATE INDEX training_run_status ON training_run(status);

-- One row of results.csv: its columns (names trimmed) and values as a JSON object, in file order.
CREATE TABLE training_epoch (
  run_id  VARCHAR(40) NOT NULL,
  epoch   INT         NOT NULL,
  metrics CLOB        NOT NULL,
  PRIMARY KEY (run_id, epoch)
);
