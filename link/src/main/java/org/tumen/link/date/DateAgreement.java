package org.tumen.link.date;

/**
 * How well two birth dates agree, from strongest to weakest evidence. Each level gets its own m and
 * u probabilities in the Fellegi–Sunter model, so the levels separate what partial and misrecorded
 * dates look like: a day/month swap is a common keying error between d/m/y and m/d/y conventions,
 * and an age-derived year is off by one whenever the birthday had not yet passed.
 */
public enum DateAgreement {
  /** Both full dates, equal. */
  EXACT,
  /** Same year, day and month exchanged (1975-03-09 vs 1975-09-03). */
  DAY_MONTH_SWAPPED,
  /** Same year and month; a day differs or is missing on one side. */
  SAME_YEAR_MONTH,
  /** Same year; months differ, or one side knows only the year. */
  SAME_YEAR,
  /**
   * Years one apart, and at least one side was derived from an age or is a year alone (a year alone
   * is how lists usually record an age).
   */
  WITHIN_ONE_YEAR,
  /** Known and incompatible. */
  DIFFERENT,
  /** At least one side unknown: neutral evidence. */
  MISSING;

  /**
   * Grades two dates; either may be null (missing).
   *
   * @see DateAgreement
   */
  public static DateAgreement of(StandardDate a, StandardDate b) {
    if (a == null || b == null) {
      return MISSING;
    }
    if (a.year() == b.year()) {
      if (a.hasMonth() && b.hasMonth()) {
        if (a.month() == b.month()) {
          return a.hasDay() && b.hasDay() && a.day() == b.day() ? EXACT : SAME_YEAR_MONTH;
        }
        if (a.hasDay() && b.hasDay() && a.month() == b.day() && a.day() == b.month()) {
          return DAY_MONTH_SWAPPED;
        }
      }
      return SAME_YEAR;
    }
    if (Math.abs(a.year() - b.year()) == 1 && (mayBeFromAge(a) || mayBeFromAge(b))) {
      return WITHIN_ONE_YEAR;
    }
    return DIFFERENT;
  }

  /**
   * Whether a year may have been worked out from an age: flagged so, or a year alone, which is how
   * clerks usually record an age (interview year minus age, one year off whenever the birthday had
   * not yet come, or counted the Korean way).
   */
  private static boolean mayBeFromAge(StandardDate d) {
    return d.ageDerived() || !d.hasMonth();
  }
}
