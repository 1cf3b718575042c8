package org.tumen.store.imports;

import java.util.Locale;
import java.util.Optional;

/**
 * What a list's column holds. Every field but {@link #ID} and {@link #IGNORE} is stored as an
 * identity value: names and dates obviously, sex because it is kept exactly as written, and every
 * column Tumen does not recognise ({@link #EXTRA}) because it may identify someone.
 */
enum Field {
  ID("id"),
  FULL_NAME("full_name"),
  SURNAME("surname"),
  GIVEN_NAME("given_name"),
  BIRTH_DATE("birth_date"),
  SEX("sex"),
  BIRTHPLACE("birthplace"),
  NOTE("note"),
  EXTRA("extra"),
  IGNORE("ignore");

  private final String key;

  Field(String key) {
    this.key = key;
  }

  /** The name used in {@code --map} and stored in {@code list_column.field}. */
  String key() {
    return key;
  }

  boolean isName() {
    return this == FULL_NAME || this == SURNAME || this == GIVEN_NAME;
  }

  static Optional<Field> byKey(String text) {
    String k = text.strip().toLowerCase(Locale.ROOT);
    for (Field f : values()) {
      if (f.key.equals(k)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
