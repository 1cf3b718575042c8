package org.tumen.store.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An imported list as its organisation wrote it.
 *
 * @param name the list's name in the workspace
 * @param headers the file's column headers in order (columns imported with {@code ignore} left out)
 * @param fields what Tumen read each column as ({@code id}, {@code full_name}, ..., or {@code
 *     extra.N} for the N-th column of the file when not recognised), parallel to {@code headers}
 * @param records how many records it holds
 * @param file the name of the file it came from
 * @param importedAt when it was imported
 */
public record StoredList(
    String name,
    List<String> headers,
    List<String> fields,
    long records,
    String file,
    Instant importedAt) {

  public StoredList {
    Objects.requireNonNull(name, "name");
    headers = List.copyOf(headers);
    fields = List.copyOf(fields);
    if (headers.size() != fields.size()) {
      throw new IllegalArgumentException("one field per header");
    }
    if (records < 0) {
      throw new IllegalArgumentException("records cannot be negative");
    }
  }

  /** The index of the record id column in {@link #headers()}. */
  public int idColumn() {
    return fields.indexOf("id");
  }
}
