package org.tumen.store.imports;

import java.util.List;

/**
 * One row that passed every check, with the ids it will be stored under, waiting to be sealed.
 *
 * @param keys storage keys of the row's non-blank identity values
 * @param values those values, in the same order
 * @param names the name values among them, in column order, for the record's blind index
 */
record CheckedRow(
    long personId,
    long recordId,
    String sourceRecordId,
    long rowNo,
    String sex,
    String birthPrecision,
    List<String> keys,
    List<String> values,
    List<String> names) {}
