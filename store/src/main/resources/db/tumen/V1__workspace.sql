-- Tumen workspace schema, version 1. The same SQL runs on H2 (embedded) and PostgreSQL (server).
-- CHECKs spell out OR rather than IN (...): H2 2.4 binds an IN-list check to the session that created it,
-- and fails it once that session (Flyway's) has closed.
--
-- Protection rule (DESIGN.md, "Do no harm"): no identity rests in a plain column. Tables hold ids, codes and
-- counts; every identifying value (names in any script, birth date, birthplace, free text, and every column of an
-- imported list that Tumen does not recognise) is sealed through the workspace's IdentityCodec, bound to its owner
-- row and under the data key of the person it is about: a record's values in record.sealed_values, any other row's
-- in identity_field.

-- Facts about the workspace itself, e.g. which IdentityCodec sealed its identities.
CREATE TABLE workspace_setting (
  name          VARCHAR(100)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(2000) NOT NULL
);

-- Ids for every entity come from one sequence, handed out in blocks of 1000 (see IdBlocks): one round trip per
-- thousand rows, ids unique across tables, and nothing derived from an identity.
CREATE SEQUENCE tumen_id START WITH 1000 INCREMENT BY 1000;

-- Where information comes from: an organisation's list, an interview, a document.
CREATE TABLE source (
  id              BIGINT        NOT NULL PRIMARY KEY,
  kind            VARCHAR(20)   NOT NULL CHECK (kind = 'list' OR kind = 'interview' OR kind = 'document'),
  name            VARCHAR(200)  NOT NULL UNIQUE,
  organisation    VARCHAR(200),
  language        VARCHAR(35),
  reliability     VARCHAR(20)   CHECK (reliability = 'high' OR reliability = 'medium' OR reliability = 'low' OR reliability = 'unknown'),
  consent_store   BOOLEAN       NOT NULL,
  consent_quote   BOOLEAN       NOT NULL,
  consent_contact BOOLEAN       NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The columns of a list as the organisation wrote them, and the field Tumen reads each one as.
CREATE TABLE list_column (
  source_id BIGINT       NOT NULL REFERENCES source (id),
  position  INTEGER      NOT NULL CHECK (position >= 1),
  header    VARCHAR(500) NOT NULL,
  field     VARCHAR(100) NOT NULL,
  PRIMARY KEY (source_id, position)
);

-- One imported file: what made it idempotent (its content hash) and what it held.
CREATE TABLE import_batch (
  id             BIGINT        NOT NULL PRIMARY KEY,
  source_id      BIGINT        NOT NULL REFERENCES source (id),
  file_name      VARCHAR(1000) NOT NULL,
  content_sha256 CHAR(64)      NOT NULL,
  file_format    VARCHAR(10)   NOT NULL CHECK (file_format = 'csv' OR file_format = 'xlsx'),
  file_encoding  VARCHAR(40),
  row_count      BIGINT        NOT NULL CHECK (row_count >= 0),
  imported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (source_id, content_sha256)
);

-- A person: a pseudonymous id and nothing else in the clear. wrapped_key holds the person's data key wrapped by
-- the workspace key (null while the workspace runs without encryption); forgetting a person destroys it and sets
-- forgotten_at, which keeps the row (and so every count) as a tombstone.
CREATE TABLE person (
  id           BIGINT NOT NULL PRIMARY KEY,
  wrapped_key  BYTEA,
  forgotten_at TIMESTAMP WITH TIME ZONE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row of one source's list: the unit of linkage. Until linkage and review merge them, each imported record is
-- about its own person. Its identity values (every column but its id and the coded sex and birth-date precision) are
-- one sealed document, sealed_values, under the data key of its person; name_index is a blind index of its names.
-- The importer is the only writer of this table and writes each record with its source, import and person in one
-- transaction; the table carries no foreign keys or secondary indexes because on H2 each costs about as much as
-- another row per record (docs/benchmarks.md, "Import of one list").
CREATE TABLE record (
  id               BIGINT       NOT NULL PRIMARY KEY,
  source_id        BIGINT       NOT NULL,
  import_id        BIGINT       NOT NULL,
  source_record_id VARCHAR(200) NOT NULL,
  row_no           BIGINT       NOT NULL,
  person_id        BIGINT       NOT NULL,
  sex              CHAR(1)      CHECK (sex = 'F' OR sex = 'M'),
  birth_precision  CHAR(1)      CHECK (birth_precision = 'Y' OR birth_precision = 'M' OR birth_precision = 'D'),
  sealed_values    BYTEA,
  name_index       BYTEA
);

-- Identifying values of rows other than records (an event's summary, an interview's testimony), sealed.
-- owner_table/owner_id name the row the value belongs to (ids are unique across tables); person_id names whose data
-- key sealed it (null: sealed under the workspace key, for values about no single person). blind_index is a keyed
-- hash of a normalised key, for equality look-ups without plaintext.
CREATE TABLE identity_field (
  owner_id    BIGINT       NOT NULL,
  field       VARCHAR(100) NOT NULL,
  owner_table VARCHAR(30)  NOT NULL,
  person_id   BIGINT,
  sealed      BYTEA        NOT NULL,
  blind_index BYTEA,
  PRIMARY KEY (owner_id, field)
);

-- Something that happened (HURIDOCS events standard). Its summary, being free text, is an identity_field.
CREATE TABLE event (
  id         BIGINT      NOT NULL PRIMARY KEY,
  event_type VARCHAR(50) NOT NULL,
  date_from  VARCHAR(10),
  date_to    VARCHAR(10),
  place_code VARCHAR(50),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A person's part in an event: role and act type from the vocabularies of the model module.
CREATE TABLE act (
  id         BIGINT      NOT NULL PRIMARY KEY,
  event_id   BIGINT      NOT NULL REFERENCES event (id),
  person_id  BIGINT      NOT NULL REFERENCES person (id),
  role       VARCHAR(30) NOT NULL,
  act_type   VARCHAR(50) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every act cites its sources, and where known the record that told it.
CREATE TABLE act_source (
  act_id    BIGINT NOT NULL REFERENCES act (id),
  source_id BIGINT NOT NULL REFERENCES source (id),
  record_id BIGINT REFERENCES record (id),
  PRIMARY KEY (act_id, source_id)
);

-- A linkage run and the cluster each record fell into.
CREATE TABLE linkage_run (
  id          BIGINT        NOT NULL PRIMARY KEY,
  description VARCHAR(2000) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cluster_member (
  run_id      BIGINT       NOT NULL REFERENCES linkage_run (id),
  record_id   BIGINT       NOT NULL REFERENCES record (id),
  cluster_key VARCHAR(100) NOT NULL,
  PRIMARY KEY (run_id, record_id)
);

-- A saved estimate: what was counted, how, and with what uncertainty (DESIGN.md, "Honest numbers").
CREATE TABLE estimate (
  id               BIGINT           NOT NULL PRIMARY KEY,
  run_id           BIGINT           REFERENCES linkage_run (id),
  stratum          VARCHAR(200)     NOT NULL,
  lists            VARCHAR(4000)    NOT NULL,
  method           VARCHAR(50)      NOT NULL,
  model            VARCHAR(200)     NOT NULL,
  observed         BIGINT           NOT NULL CHECK (observed >= 0),
  estimate         DOUBLE PRECISION,
  interval_level   DOUBLE PRECISION,
  interval_lower   DOUBLE PRECISION,
  interval_upper   DOUBLE PRECISION,
  diagnostics      VARCHAR(100000)  NOT NULL,
  software_version VARCHAR(50)      NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
