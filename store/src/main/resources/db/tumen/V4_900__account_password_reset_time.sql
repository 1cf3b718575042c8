-- When an administrator last reset the account's password (docs/web.md, "webfeat"; docs/threat-model.md):
-- the one-time password it set is refused 72 hours after (AccountService.ONE_TIME_PASSWORD_VALID_FOR).
-- An ISO-8601 UTC string like the other times of web_account. NULL on an account that must change a
-- one-time password set before this column existed: such a one-time password counts as expired (fail
-- closed; an administrator resets again).
ALTER TABLE web_account ADD COLUMN password_reset_at VARCHAR(40);
