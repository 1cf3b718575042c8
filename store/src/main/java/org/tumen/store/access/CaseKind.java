package org.tumen.store.access;

import java.util.Locale;
import java.util.Optional;

/** What a need-to-know grant opens. */
public enum CaseKind {
  /** One source of documentation (an interview, a document), by its reference. */
  SOURCE,
  /** One organisation's list, by its name. */
  LIST,
  /** A named case file: the sources and lists it groups. */
  CASE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CaseKind> parse(String text) {
    for (CaseKind k : values()) {
      if (k.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
