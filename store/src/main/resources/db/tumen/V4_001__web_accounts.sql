-- Accounts of the web application (tumen serve) and their need-to-know grants (docs/web.md).
-- In the clear: the login (choose one that names no person), role, language, interviewer code, counters and
-- times. Sealed: the display name (under the workspace key, so only an unlocked server shows it); the TOTP
-- secret and the recovery codes (under a key derived from the account's own password with Argon2id, so that
-- sign-in works while the workspace is locked and a copy of the database yields no second factor).
-- Times are ISO-8601 UTC strings, as in audit_entry, to read the same on H2 and PostgreSQL.
CREATE TABLE web_account (
  id               BIGINT        NOT NULL PRIMARY KEY,
  login            VARCHAR(64)   NOT NULL UNIQUE,
  role             VARCHAR(20)   NOT NULL,
  password_hash    VARCHAR(200)  NOT NULL,
  secret_salt      BYTEA         NOT NULL,
  totp_sealed      BYTEA,
  recovery_sealed  BYTEA,
  display_sealed   BYTEA,
  language         VARCHAR(8)    NOT NULL,
  interviewer_code VARCHAR(64),
  enrolled         BOOLEAN       NOT NULL,
  last_totp_step   BIGINT        NOT NULL,
  failed_attempts  INTEGER       NOT NULL,
  locked_until     VARCHAR(40),
  disabled         BOOLEAN       NOT NULL,
  created_at       VARCHAR(40)   NOT NULL
);

-- Need-to-know: an account sees a source (doc_source.reference), an organisation's list (source.name) or a
-- named case file only when granted it. A case file groups sources and lists (web_case_member).
CREATE TABLE web_access_grant (
  id          BIGINT       NOT NULL PRIMARY KEY,
  account_id  BIGINT       NOT NULL REFERENCES web_account (id),
  kind        VARCHAR(10)  NOT NULL,
  target      VARCHAR(200) NOT NULL,
  granted_by  VARCHAR(64)  NOT NULL,
  granted_at  VARCHAR(40)  NOT NULL,
  UNIQUE (account_id, kind, target)
);

CREATE TABLE web_case_member (
  case_name   VARCHAR(200) NOT NULL,
  kind        VARCHAR(10)  NOT NULL,
  target      VARCHAR(200) NOT NULL,
  PRIMARY KEY (case_name, kind, target)
);
