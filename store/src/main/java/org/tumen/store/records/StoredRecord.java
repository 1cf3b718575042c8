package org.tumen.store.records;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One record of a list, with its values opened by the workspace's codec.
 *
 * @param id the record's id in the workspace
 * @param personId the pseudonymous person the record is about
 * @param sourceRecordId the record's id in its list
 * @param line the line (CSV) or row (XLSX) it came from
 * @param forgotten true when the person has been forgotten: then every value but the record id is
 *     empty
 * @param values the values in the order of {@link StoredList#headers()}; blank ones are empty
 *     strings
 */
public record StoredRecord(
    long id,
    long personId,
    String sourceRecordId,
    long line,
    boolean forgotten,
    List<String> values) {

  public StoredRecord {
    Objects.requireNonNull(sourceRecordId, "sourceRecordId");
    values = Collections.unmodifiableList(List.copyOf(values));
  }
}
