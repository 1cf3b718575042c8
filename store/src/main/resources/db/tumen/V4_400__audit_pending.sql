-- Audit entries of events that happen while the workspace is locked (a sign-in, a password change):
-- the trail's MAC key is in the keys, so such an entry cannot join the trail until the next unlock. Each row
-- carries an HMAC-SHA256 chained over the rows before it, under a random key the server process holds in
-- memory only; the unlock checks the chain and moves every row into the trail, marking rows it cannot vouch
-- for (docs/threat-model.md, "Events while locked"). In clear: what the trail would hold (actor, action,
-- subject, details: logins and ids, never an identity).
CREATE TABLE audit_pending (
  seq      BIGINT         NOT NULL PRIMARY KEY,
  at_utc   VARCHAR(40)    NOT NULL,
  actor    VARCHAR(200)   NOT NULL,
  action   VARCHAR(50)    NOT NULL,
  subject  VARCHAR(500)   NOT NULL,
  details  VARCHAR(4000)  NOT NULL,
  mac      BYTEA          NOT NULL
);
