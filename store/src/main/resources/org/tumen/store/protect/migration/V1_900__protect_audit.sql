-- The audit trail (docs/threat-model.md, "Audit trail"). Append-only by convention; tampering is detected, not
-- prevented: entry_hash = SHA-256(prev_hash || canonical entry), mac = HMAC(entry_hash) under a key kept in the
-- workspace key file, never in this database. Times are ISO-8601 UTC strings so the hashed bytes are the same on
-- H2 and PostgreSQL.
CREATE TABLE audit_entry (
  seq        BIGINT        NOT NULL PRIMARY KEY,
  at_utc     VARCHAR(40)   NOT NULL,
  actor      VARCHAR(200)  NOT NULL,
  action     VARCHAR(50)   NOT NULL,
  subject    VARCHAR(500)  NOT NULL,
  details    VARCHAR(4000) NOT NULL,
  prev_hash  BYTEA         NOT NULL,
  entry_hash BYTEA         NOT NULL,
  mac        BYTEA         NOT NULL
);
