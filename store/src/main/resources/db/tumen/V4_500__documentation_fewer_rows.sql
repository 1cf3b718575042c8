-- Issue 13, bulk import speed (docs/benchmarks.md, "Import of documentation, branch docimport"): fewer rows and
-- fewer index entries per act. Same SQL on H2 and PostgreSQL.
--
-- 1. An act's first involvement and the first piece of information it cites are columns of its own row, and an
--    event's first chain link of its own; only a second and further involvement, citation or link is a row of
--    doc_involvement, doc_act_information or doc_chain (positions >= 2). Nothing queries these on their own: the
--    reader reads whole tables.
-- 2. No foreign keys on the documentation tables. H2 keeps an index for each foreign key (an entry per row, as dear
--    as the row) and checks each reference at insert; PostgreSQL runs a trigger per row. The writer stores a graph
--    the model has checked whole (every reference resolves) and makes every row id itself, rows are never deleted,
--    and the list import's record table has none either. Primary keys and the unique references stay: they refuse
--    an id stored twice. The index H2 made for doc_source.key_person_id is made explicitly (the integrity check
--    looks persons up by it).
--
-- Numbered after the web's migrations (V4_*), though it belongs to the documentation tables (V3_*), so that
-- workspaces already at V4_400 take it in order.
--
-- The tables are made anew (their foreign keys have names the two databases generate differently, so they cannot
-- be dropped by name) and their rows copied.

CREATE TABLE doc_person_new (
  person_id BIGINT      NOT NULL PRIMARY KEY,
  ref       VARCHAR(64) NOT NULL UNIQUE
);
INSERT INTO doc_person_new (person_id, ref) SELECT person_id, ref FROM doc_person;

CREATE TABLE doc_source_new (
  id                BIGINT       NOT NULL PRIMARY KEY,
  ref               VARCHAR(64)  NOT NULL UNIQUE,
  kind              VARCHAR(20)  NOT NULL CHECK (kind = 'interview' OR kind = 'list' OR kind = 'document' OR kind = 'media-report'),
  interviewer       VARCHAR(64),
  source_day        DATE,
  source_precision  CHAR(1)      CHECK (source_precision = 'Y' OR source_precision = 'M' OR source_precision = 'D'),
  language          VARCHAR(35),
  place_code        VARCHAR(50),
  place_approximate BOOLEAN,
  holder            VARCHAR(200) NOT NULL,
  reliability       VARCHAR(10)  NOT NULL CHECK (reliability = 'high' OR reliability = 'medium' OR reliability = 'low' OR reliability = 'unknown'),
  has_text          BOOLEAN      NOT NULL,
  key_person_id     BIGINT       NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO doc_source_new (id, ref, kind, interviewer, source_day, source_precision, language, place_code,
    place_approximate, holder, reliability, has_text, key_person_id, created_at)
  SELECT id, ref, kind, interviewer, source_day, source_precision, language, place_code, place_approximate, holder,
    reliability, has_text, key_person_id, created_at FROM doc_source;

CREATE TABLE doc_consent_new (
  source_id    BIGINT        NOT NULL,
  position     INTEGER       NOT NULL CHECK (position >= 1),
  consent_use  VARCHAR(20)   NOT NULL CHECK (consent_use = 'store' OR consent_use = 'quote' OR consent_use = 'contact-again' OR consent_use = 'share'),
  given_on     DATE          NOT NULL,
  withdrawn_on DATE,
  partners     VARCHAR(2000) NOT NULL,
  PRIMARY KEY (source_id, consent_use)
);
INSERT INTO doc_consent_new (source_id, position, consent_use, given_on, withdrawn_on, partners)
  SELECT source_id, position, consent_use, given_on, withdrawn_on, partners FROM doc_consent;

-- An event's first chain link (the next event of one person's journey) is two columns of its own row.
ALTER TABLE doc_event ADD COLUMN next_event_id BIGINT;
ALTER TABLE doc_event ADD COLUMN chain_person_id BIGINT;
UPDATE doc_event SET
  next_event_id = (SELECT c.next_event_id FROM doc_chain c WHERE c.event_id = doc_event.id AND c.position = 1),
  chain_person_id = (SELECT c.person_id FROM doc_chain c WHERE c.event_id = doc_event.id AND c.position = 1);
ALTER TABLE doc_event ADD CONSTRAINT doc_event_first_link CHECK ((next_event_id IS NULL) = (chain_person_id IS NULL));

-- Second and further chain links of an event.
CREATE TABLE doc_chain_new (
  event_id      BIGINT  NOT NULL,
  position      INTEGER NOT NULL CHECK (position >= 2),
  next_event_id BIGINT  NOT NULL,
  person_id     BIGINT  NOT NULL,
  PRIMARY KEY (event_id, position)
);
INSERT INTO doc_chain_new (event_id, position, next_event_id, person_id)
  SELECT event_id, position, next_event_id, person_id FROM doc_chain WHERE position >= 2;

-- The act with its first involvement (perpetrator_person_id or institution_*, and degree; all null when it has
-- none) and the first information it cites (information_id; an act cites at least one).
CREATE TABLE doc_act_new (
  id                    BIGINT       NOT NULL PRIMARY KEY,
  ref                   VARCHAR(64)  NOT NULL UNIQUE,
  event_id              BIGINT       NOT NULL,
  victim_person_id      BIGINT,
  victim_group_ref      VARCHAR(64),
  victim_count          INTEGER      NOT NULL CHECK (victim_count >= 1),
  act_type              VARCHAR(50)  NOT NULL,
  start_day             DATE         NOT NULL,
  start_precision       CHAR(1)      NOT NULL CHECK (start_precision = 'Y' OR start_precision = 'M' OR start_precision = 'D'),
  end_day               DATE         NOT NULL,
  end_precision         CHAR(1)      NOT NULL CHECK (end_precision = 'Y' OR end_precision = 'M' OR end_precision = 'D'),
  place_code            VARCHAR(50)  NOT NULL,
  place_approximate     BOOLEAN      NOT NULL,
  perpetrator_person_id BIGINT,
  institution_type      VARCHAR(50),
  institution_state     CHAR(3),
  institution_unit      VARCHAR(200),
  degree                VARCHAR(20)  CHECK (degree = 'direct' OR degree = 'ordered' OR degree = 'assisted' OR degree = 'acquiesced' OR degree = 'unknown'),
  information_id        BIGINT       NOT NULL,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((victim_person_id IS NULL) <> (victim_group_ref IS NULL)),
  CHECK (start_day <= end_day),
  CHECK (perpetrator_person_id IS NULL OR institution_type IS NULL),
  CHECK ((degree IS NULL) = (perpetrator_person_id IS NULL AND institution_type IS NULL))
);
INSERT INTO doc_act_new (id, ref, event_id, victim_person_id, victim_group_ref, victim_count, act_type, start_day,
    start_precision, end_day, end_precision, place_code, place_approximate, perpetrator_person_id, institution_type,
    institution_state, institution_unit, degree, information_id, created_at)
  SELECT a.id, a.ref, a.event_id, a.victim_person_id, a.victim_group_ref, a.victim_count, a.act_type, a.start_day,
    a.start_precision, a.end_day, a.end_precision, a.place_code, a.place_approximate, v.perpetrator_person_id,
    v.institution_type, v.institution_state, v.institution_unit, v.degree, i.information_id, a.created_at
  FROM doc_act a
  JOIN doc_act_information i ON i.act_id = a.id AND i.position = 1
  LEFT JOIN doc_involvement v ON v.act_id = a.id AND v.position = 1;

-- Second and further involvements of an act.
CREATE TABLE doc_involvement_new (
  act_id                BIGINT       NOT NULL,
  position              INTEGER      NOT NULL CHECK (position >= 2),
  perpetrator_person_id BIGINT,
  institution_type      VARCHAR(50),
  institution_state     CHAR(3),
  institution_unit      VARCHAR(200),
  degree                VARCHAR(20)  NOT NULL CHECK (degree = 'direct' OR degree = 'ordered' OR degree = 'assisted' OR degree = 'acquiesced' OR degree = 'unknown'),
  PRIMARY KEY (act_id, position),
  CHECK ((perpetrator_person_id IS NULL) <> (institution_type IS NULL))
);
INSERT INTO doc_involvement_new (act_id, position, perpetrator_person_id, institution_type, institution_state,
    institution_unit, degree)
  SELECT act_id, position, perpetrator_person_id, institution_type, institution_state, institution_unit, degree
  FROM doc_involvement WHERE position >= 2;

CREATE TABLE doc_information_new (
  id            BIGINT      NOT NULL PRIMARY KEY,
  ref           VARCHAR(64) NOT NULL UNIQUE,
  source_id     BIGINT      NOT NULL,
  event_id      BIGINT,
  passage_kind  CHAR(1)     CHECK (passage_kind = 'T' OR passage_kind = 'R'),
  passage_start BIGINT,
  passage_end   BIGINT,
  reliability   VARCHAR(10) NOT NULL CHECK (reliability = 'high' OR reliability = 'medium' OR reliability = 'low' OR reliability = 'unknown'),
  observation   VARCHAR(20) NOT NULL CHECK (observation = 'experienced' OR observation = 'seen' OR observation = 'heard'),
  CHECK ((passage_kind IS NULL) = (passage_start IS NULL) AND (passage_start IS NULL) = (passage_end IS NULL))
);
INSERT INTO doc_information_new (id, ref, source_id, event_id, passage_kind, passage_start, passage_end, reliability,
    observation)
  SELECT id, ref, source_id, event_id, passage_kind, passage_start, passage_end, reliability, observation
  FROM doc_information;

-- The second and further pieces of information an act cites.
CREATE TABLE doc_act_information_new (
  act_id         BIGINT  NOT NULL,
  position       INTEGER NOT NULL CHECK (position >= 2),
  information_id BIGINT  NOT NULL,
  PRIMARY KEY (act_id, position)
);
INSERT INTO doc_act_information_new (act_id, position, information_id)
  SELECT act_id, position, information_id FROM doc_act_information WHERE position >= 2;

-- Dependents first.
DROP TABLE doc_act_information;
DROP TABLE doc_involvement;
DROP TABLE doc_act;
DROP TABLE doc_information;
DROP TABLE doc_chain;
DROP TABLE doc_consent;
DROP TABLE doc_source;
DROP TABLE doc_person;

ALTER TABLE doc_person_new RENAME TO doc_person;
ALTER TABLE doc_source_new RENAME TO doc_source;
ALTER TABLE doc_consent_new RENAME TO doc_consent;
ALTER TABLE doc_chain_new RENAME TO doc_chain;
ALTER TABLE doc_act_new RENAME TO doc_act;
ALTER TABLE doc_involvement_new RENAME TO doc_involvement;
ALTER TABLE doc_information_new RENAME TO doc_information;
ALTER TABLE doc_act_information_new RENAME TO doc_act_information;

CREATE INDEX doc_source_key_person ON doc_source (key_person_id);

-- doc_source was made anew above, and its index of V4_200 went with the old table (web need-to-know joins on it).
CREATE INDEX doc_source_interviewer ON doc_source (interviewer);
