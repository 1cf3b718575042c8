-- Issue 13, `tumen count` over a million stored acts (docs/benchmarks.md, branch docspeed9; docs/documentation.md,
-- "Counting at scale"). Same SQL on H2 and PostgreSQL.
--
-- Each save of documentation also stores what counting reads of the rows it wrote (the columns CountingReader reads
-- of doc_event, doc_chain, doc_information, doc_act, doc_involvement and doc_act_information) as one compact value,
-- in the save's transaction: a segment (CountingSegment). Counting reads the segments instead of the six tables when
-- their row counts add up to the tables' and their id ranges follow each other; else it reads the tables and stores
-- one segment for all of it. Nothing sealed, no reference, no free text: codes, day numbers, row ids, counts and the
-- references of unnamed groups, as the tables hold them in the clear. Derived data: deleting every row of both
-- tables loses nothing (the next count rebuilds them).
--
-- A workspace made before this migration has no segment: its first count reads the tables and stores one.

CREATE TABLE doc_count_segment (
  id           BIGINT NOT NULL PRIMARY KEY,
  min_id       BIGINT NOT NULL,
  max_id       BIGINT NOT NULL,
  events       BIGINT NOT NULL CHECK (events >= 0),
  chains       BIGINT NOT NULL CHECK (chains >= 0),
  information  BIGINT NOT NULL CHECK (information >= 0),
  acts         BIGINT NOT NULL CHECK (acts >= 0),
  involvements BIGINT NOT NULL CHECK (involvements >= 0),
  citations    BIGINT NOT NULL CHECK (citations >= 0),
  CHECK (min_id <= max_id)
);

-- A segment's value in parts of at most a mebibyte, in order.
CREATE TABLE doc_count_part (
  segment_id BIGINT  NOT NULL,
  part       INTEGER NOT NULL CHECK (part >= 1),
  data       BYTEA   NOT NULL,
  PRIMARY KEY (segment_id, part)
);
