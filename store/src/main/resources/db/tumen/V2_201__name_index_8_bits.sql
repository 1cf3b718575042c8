-- Issue 12, finding 13: blind indexes of names keep 8 bits instead of 16 (docs/threat-model.md,
-- "Blind indexes"). The first byte of a 16-bit index is the 8-bit index of the same name, so the
-- indexes already stored are cut to it without the keys. Only the Tink codec's 2-byte indexes are
-- cut; the plaintext codec's full hashes (synthetic test data) are left alone.
UPDATE record SET name_index = SUBSTRING(name_index FROM 1 FOR 1)
  WHERE name_index IS NOT NULL AND OCTET_LENGTH(name_index) = 2;
UPDATE identity_field SET blind_index = SUBSTRING(blind_index FROM 1 FOR 1)
  WHERE blind_index IS NOT NULL AND OCTET_LENGTH(blind_index) = 2;
