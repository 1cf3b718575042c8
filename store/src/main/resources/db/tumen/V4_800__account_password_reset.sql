-- An administrator's reset of a forgotten password (docs/web.md, "webfeat"; docs/threat-model.md).
-- factor_escrow: the account's TOTP secret sealed under the WORKSPACE key (not the password), written while
-- the workspace is unlocked (at creation, enrolment, or a sign-in), so that a reset can seal the same secret
-- under the one-time password: the second factor stays. Dropped with a second-factor reset.
-- must_change_password: the password is a one-time password an administrator set; the next sign-in (password
-- and second factor) must choose a new one before anything else.
ALTER TABLE web_account ADD COLUMN factor_escrow BYTEA;
ALTER TABLE web_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
