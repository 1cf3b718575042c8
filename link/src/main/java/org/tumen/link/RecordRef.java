package org.tumen.link;

import java.util.Objects;

/**
 * One record of one list.
 *
 * @param source the list's name
 * @param id the record's id in that list
 */
public record RecordRef(String source, String id) {
  public RecordRef {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }
}
