-- Issue 14, intake: an interviewer's unfinished interview, saved as they type so that nothing is lost when a
-- session expires or the server stops. The whole form (source, consent, people, events, acts, passages, the
-- testimony) is one sealed document under the workspace key, with the row's id as associated data; in the clear
-- only whose draft it is and when it was started and last saved. Submitting stores the documentation and deletes
-- the draft in one transaction.
CREATE TABLE intake_draft (
  id         BIGINT       NOT NULL PRIMARY KEY,
  owner      VARCHAR(200) NOT NULL,
  content    BYTEA        NOT NULL,
  version    INTEGER      NOT NULL CHECK (version >= 1),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX intake_draft_owner ON intake_draft (owner);
