-- Issue 14, linkage review: the pairs of the uncertain band waiting for a person, and the decisions people made
-- ("same", "different", "not sure"). Same SQL on H2 and PostgreSQL; CHECKs spell out OR (see V1).
--
-- In the clear, like cluster memberships: the two records as list name + the list's own record id, the model's
-- probability, who decided what and when. Sealed: what a reviewer sees side by side. Each side's values are sealed
-- under the data key of that record's person when the record is in the workspace (so forgetting the person makes
-- them unreadable), else under the workspace key; the comparison (field names, agreement levels, weights), which
-- says how alike the two are, is sealed under both keys in turn, so it opens only while both are remembered.
-- A pair is stored in one order: (source_a, record_a) sorts before (source_b, record_b).
CREATE TABLE review_pair (
  id          BIGINT           NOT NULL PRIMARY KEY,
  source_a    VARCHAR(200)     NOT NULL,
  record_a    VARCHAR(200)     NOT NULL,
  source_b    VARCHAR(200)     NOT NULL,
  record_b    VARCHAR(200)     NOT NULL,
  probability DOUBLE PRECISION NOT NULL CHECK (probability >= 0 AND probability <= 1),
  person_a    BIGINT           REFERENCES person (id),
  person_b    BIGINT           REFERENCES person (id),
  values_a    BYTEA            NOT NULL,
  values_b    BYTEA            NOT NULL,
  comparison  BYTEA            NOT NULL,
  queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (source_a, record_a, source_b, record_b)
);

-- Every decision is kept (who changed their mind, and when); the latest per pair counts. A decision need not be
-- about a queued pair (decisions imported from a file).
CREATE TABLE link_decision (
  id         BIGINT       NOT NULL PRIMARY KEY,
  source_a   VARCHAR(200) NOT NULL,
  record_a   VARCHAR(200) NOT NULL,
  source_b   VARCHAR(200) NOT NULL,
  record_b   VARCHAR(200) NOT NULL,
  decision   VARCHAR(10)  NOT NULL CHECK (decision = 'same' OR decision = 'different' OR decision = 'not-sure'),
  decided_by VARCHAR(200) NOT NULL,
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX link_decision_pair ON link_decision (source_a, record_a, source_b, record_b);
