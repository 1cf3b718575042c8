package org.tumen.link;

import java.util.Locale;
import java.util.Optional;

/** How a column is standardised and compared (DESIGN.md, "Link spec"). */
public enum FieldType {
  /** One part of a name (surname or given name), any script. */
  NAME,
  /** A whole name in one column, any order or script. */
  FULL_NAME,
  /** A full or partial date in any common format. */
  DATE,
  /** A year. */
  YEAR,
  /** Sex (F/M, 여/남, 女/男 ...). */
  SEX,
  /** A place name, compared through the gazetteer. */
  PLACE,
  /** An identifier or code: equal, one keying error, or different. */
  CODE,
  /** Free text: compared by string similarity. */
  TEXT,
  /** Equal or different, nothing in between. */
  EXACT,
  /** Not compared. */
  IGNORE;

  /** The spelling used in spec files: {@code full_name}, {@code date} ... */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type spelled {@code text} in a spec file, if there is one. */
  public static Optional<FieldType> fromJson(String text) {
    for (FieldType t : values()) {
      if (t.jsonName().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
