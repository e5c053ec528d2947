-- Loupe workspace schema, version 7: the API keys of the hub (`loupe serve`, issue 13). A key is
-- shown once when made; only its sha-256 (hex) is kept. A revoked key stays, marked, so its id still
-- names it in `loupe keys list`. Times are epoch milliseconds (UTC).
CREATE TABLE hub_api_key (
  id           VARCHAR(40)   NOT NULL PRIMARY KEY,
  name         VARCHAR(200)  NOT NULL,
  prefix       VARCHAR(16)   NOT NULL, -- the key's first characters, to tell keys apart
  key_sha256   CHAR(64)      NOT NULL UNIQUE,
  created_at   BIGINT        NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT
);
