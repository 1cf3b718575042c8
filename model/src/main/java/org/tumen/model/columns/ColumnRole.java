package org.tumen.model.columns;

import java.util.Locale;
import java.util.Optional;

/**
 * What a column of a list holds, whatever its header says it in: the one vocabulary of column roles
 * shared by the import ({@code store}) and linkage ({@code link}).
 */
public enum ColumnRole {
  /** The record's id in its list. */
  RECORD_ID,
  /** A whole name in one column, any order or script. */
  FULL_NAME,
  /** The family name (surname). */
  FAMILY_NAME,
  /** The given name. */
  GIVEN_NAME,
  SEX,
  /** A full or partial birth date. */
  BIRTH_DATE,
  /** A birth year. */
  BIRTH_YEAR,
  /** An age, to be read with the date it was stated ({@link #AGE_STATED_ON}). */
  AGE,
  /** The date an age was stated: the interview or registration date. */
  AGE_STATED_ON,
  /** A place of origin or residence: birthplace, hometown, town. */
  PLACE,
  /** The date or year of an event a person lives once and lists record alike: the crossing. */
  EVENT_DATE,
  /** An identifier or code: passport, phone, postcode. */
  IDENTIFIER,
  /** An address line, compared as text. */
  ADDRESS,
  /** A region or state, equal or not. */
  REGION,
  /** Free-text notes. */
  NOTE,
  /** Who kept the record: case worker, interviewer. */
  STAFF,
  /** A true-person label in test data. */
  TRUTH,
  /** Anything else, including events a person may live many times (an arrest). */
  OTHER;

  /** The spelling in spec files and messages: {@code family_name}, {@code age_stated_on} ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ColumnRole> byKey(String key) {
    for (ColumnRole r : values()) {
      if (r.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the column says something about who a person is, so that two lists holding it can be
   * compared on it. Notes, staff, truth labels and other columns identify nobody by default; an age
   * identifies only with the date it was stated.
   */
  public boolean identifies() {
    return switch (this) {
      case NOTE, STAFF, TRUTH, OTHER, RECORD_ID, AGE_STATED_ON -> false;
      default -> true;
    };
  }

  public boolean isName() {
    return this == FULL_NAME || this == FAMILY_NAME || this == GIVEN_NAME;
  }
}
