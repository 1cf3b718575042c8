package org.tumen.store.imports;

/**
 * One record ready for the database: its new person (with the person's wrapped data key, or null
 * without encryption), its coded fields, and its identity document already sealed.
 */
record SealedRow(
    long personId,
    byte[] wrappedKey,
    long recordId,
    String sourceRecordId,
    long rowNo,
    String sex,
    String birthPrecision,
    byte[] sealedValues,
    byte[] blindIndex) {}
