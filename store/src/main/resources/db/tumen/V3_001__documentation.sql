-- Issue 13, storage of the documentation model (docs/documentation.md): sources with per-use consent, events with
-- their chains, acts with involvements, and the information that ties them. Replaces V1's event / act / act_source
-- sketch, which nothing wrote. Same SQL on H2 and PostgreSQL; CHECKs spell out OR (see V1).
--
-- In the clear: pseudonymous references, codes, partial dates (earliest day of the start, latest day of the end,
-- and the precision of each), gazetteer codes, counts, reliability. Sealed in identity_field: a source's text
-- (testimony) under the source's own key, an event's summary under the key of the first person in it (else of the
-- first source telling it). A source's key is the data key of a person row of its own (doc_source.key_person_id),
-- so that forgetting that row ("withdrawing the source") destroys its testimony as forgetting a person destroys
-- their identity.
DROP TABLE act_source;
DROP TABLE act;
DROP TABLE event;

-- The person rows that documentation refers to by a pseudonymous reference (victims, perpetrators, chains).
CREATE TABLE doc_person (
  person_id BIGINT      NOT NULL PRIMARY KEY REFERENCES person (id),
  ref       VARCHAR(64) NOT NULL UNIQUE
);

CREATE TABLE doc_source (
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
  key_person_id     BIGINT       NOT NULL REFERENCES person (id),
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Consent per use, each with the day it was given and the day it was withdrawn; partners only for sharing.
CREATE TABLE doc_consent (
  source_id   BIGINT        NOT NULL REFERENCES doc_source (id),
  position    INTEGER       NOT NULL CHECK (position >= 1),
  consent_use VARCHAR(20)   NOT NULL CHECK (consent_use = 'store' OR consent_use = 'quote' OR consent_use = 'contact-again' OR consent_use = 'share'),
  given_on    DATE          NOT NULL,
  withdrawn_on DATE,
  partners    VARCHAR(2000) NOT NULL,
  PRIMARY KEY (source_id, consent_use)
);

CREATE TABLE doc_event (
  id                BIGINT      NOT NULL PRIMARY KEY,
  ref               VARCHAR(64) NOT NULL UNIQUE,
  event_type        VARCHAR(50) NOT NULL,
  start_day         DATE        NOT NULL,
  start_precision   CHAR(1)     NOT NULL CHECK (start_precision = 'Y' OR start_precision = 'M' OR start_precision = 'D'),
  end_day           DATE        NOT NULL,
  end_precision     CHAR(1)     NOT NULL CHECK (end_precision = 'Y' OR end_precision = 'M' OR end_precision = 'D'),
  place_code        VARCHAR(50) NOT NULL,
  place_approximate BOOLEAN     NOT NULL,
  has_summary       BOOLEAN     NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (start_day <= end_day)
);

-- The next event of one person's journey.
CREATE TABLE doc_chain (
  event_id      BIGINT  NOT NULL REFERENCES doc_event (id),
  position      INTEGER NOT NULL CHECK (position >= 1),
  next_event_id BIGINT  NOT NULL REFERENCES doc_event (id),
  person_id     BIGINT  NOT NULL REFERENCES doc_person (person_id),
  PRIMARY KEY (event_id, position)
);

-- An act: its victim is a person (victim_count 1) or an unnamed group with its count.
CREATE TABLE doc_act (
  id                BIGINT      NOT NULL PRIMARY KEY,
  ref               VARCHAR(64) NOT NULL UNIQUE,
  event_id          BIGINT      NOT NULL REFERENCES doc_event (id),
  victim_person_id  BIGINT      REFERENCES doc_person (person_id),
  victim_group_ref  VARCHAR(64),
  victim_count      INTEGER     NOT NULL CHECK (victim_count >= 1),
  act_type          VARCHAR(50) NOT NULL,
  start_day         DATE        NOT NULL,
  start_precision   CHAR(1)     NOT NULL CHECK (start_precision = 'Y' OR start_precision = 'M' OR start_precision = 'D'),
  end_day           DATE        NOT NULL,
  end_precision     CHAR(1)     NOT NULL CHECK (end_precision = 'Y' OR end_precision = 'M' OR end_precision = 'D'),
  place_code        VARCHAR(50) NOT NULL,
  place_approximate BOOLEAN     NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK ((victim_person_id IS NULL) <> (victim_group_ref IS NULL)),
  CHECK (start_day <= end_day)
);

-- Who took part in an act, and how: a person, or an institution (type, the state it acts for, its unit).
CREATE TABLE doc_involvement (
  act_id              BIGINT       NOT NULL REFERENCES doc_act (id),
  position            INTEGER      NOT NULL CHECK (position >= 1),
  perpetrator_person_id BIGINT     REFERENCES doc_person (person_id),
  institution_type    VARCHAR(50),
  institution_state   CHAR(3),
  institution_unit    VARCHAR(200),
  degree              VARCHAR(20)  NOT NULL CHECK (degree = 'direct' OR degree = 'ordered' OR degree = 'assisted' OR degree = 'acquiesced' OR degree = 'unknown'),
  PRIMARY KEY (act_id, position),
  CHECK ((perpetrator_person_id IS NULL) <> (institution_type IS NULL))
);

-- Which source says what about which event: the passage is a character range of its text ('T') or a span of its
-- recording in nanoseconds ('R').
CREATE TABLE doc_information (
  id            BIGINT      NOT NULL PRIMARY KEY,
  ref           VARCHAR(64) NOT NULL UNIQUE,
  source_id     BIGINT      NOT NULL REFERENCES doc_source (id),
  event_id      BIGINT      REFERENCES doc_event (id),
  passage_kind  CHAR(1)     CHECK (passage_kind = 'T' OR passage_kind = 'R'),
  passage_start BIGINT,
  passage_end   BIGINT,
  reliability   VARCHAR(10) NOT NULL CHECK (reliability = 'high' OR reliability = 'medium' OR reliability = 'low' OR reliability = 'unknown'),
  observation   VARCHAR(20) NOT NULL CHECK (observation = 'experienced' OR observation = 'seen' OR observation = 'heard'),
  CHECK ((passage_kind IS NULL) = (passage_start IS NULL) AND (passage_start IS NULL) = (passage_end IS NULL))
);

-- The information each act rests on, in the order it cites them.
CREATE TABLE doc_act_information (
  act_id         BIGINT  NOT NULL REFERENCES doc_act (id),
  position       INTEGER NOT NULL CHECK (position >= 1),
  information_id BIGINT  NOT NULL REFERENCES doc_information (id),
  PRIMARY KEY (act_id, position)
);
