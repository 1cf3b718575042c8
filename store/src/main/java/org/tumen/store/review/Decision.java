package org.tumen.store.review;

import java.util.Locale;
import java.util.Optional;

/** What a reviewer decided about a pair. */
public enum Decision {
  /** The same person: the next linkage run joins them. */
  SAME,
  /** Different people: the next linkage run never joins them. */
  DIFFERENT,
  /** Not sure: no constraint; the pair goes to the back of the queue. */
  NOT_SURE;

  /** The stored code: {@code same}, {@code different}, {@code not-sure}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads a code, also with a space or underscore ({@code not sure}); case-insensitive. */
  public static Optional<Decision> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    for (Decision d : values()) {
      if (d.code().equals(t)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
