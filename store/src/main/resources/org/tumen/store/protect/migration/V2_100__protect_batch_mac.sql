-- Issue 12, finding 7: a MAC over each import batch's non-identity facts (its records' ids, list, row, person, sex,
-- birth-date precision, blind index and document length), under the audit key, which is in the key file and never
-- in this database. Checked by tumen audit verify. Null only in batches imported before this version, until the
-- first unlock authenticates them (recorded in the audit trail as authenticate-batches).
ALTER TABLE import_batch ADD COLUMN facts_mac BYTEA;
