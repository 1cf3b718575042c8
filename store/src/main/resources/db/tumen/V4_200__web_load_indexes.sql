-- Issue 14, the web application under load (docs/web.md, "Performance"): what each request looks up.
-- An interviewer sees the sources collected under their interviewer code (AccessGrants.visibleSources joins
-- web_account to doc_source on it at every search and record view); without an index that join read every
-- source of the workspace. Same SQL on H2 and PostgreSQL.
CREATE INDEX doc_source_interviewer ON doc_source (interviewer);
