package org.tumen.link.date;

import java.time.YearMonth;
import org.tumen.model.PartialDate;

/**
 * A birth date as far as it is known: month and day are 0 when unknown.
 *
 * @param year the year, 1800–2200
 * @param month 1–12, or 0 if unknown
 * @param day 1–31 (a real day of that month), or 0 if unknown; a day needs a month
 * @param ageDerived the year was computed from an age ("34세", "age 34 in 2003"), so it may be one
 *     year off, depending on whether the birthday had passed
 * @param dayMonthAmbiguous the text was a numeric d/m/y or m/d/y date whose day and month could be
 *     read either way (09/03/1975); the day-first reading was kept
 */
public record StandardDate(
    int year, int month, int day, boolean ageDerived, boolean dayMonthAmbiguous) {

  public static final int MIN_YEAR = 1800;
  public static final int MAX_YEAR = 2200;

  public StandardDate {
    if (!isValid(year, month, day)) {
      throw new IllegalArgumentException("no such date: " + year + "-" + month + "-" + day);
    }
    if (ageDerived && (month != 0 || dayMonthAmbiguous)) {
      throw new IllegalArgumentException("an age gives a year only");
    }
    if (dayMonthAmbiguous && (day == 0 || day > 12)) {
      throw new IllegalArgumentException("only a day of 1-12 can be read as a month");
    }
  }

  public StandardDate(int year, int month, int day, boolean ageDerived) {
    this(year, month, day, ageDerived, false);
  }

  public static StandardDate ofYear(int year) {
    return new StandardDate(year, 0, 0, false, false);
  }

  public static StandardDate of(int year, int month, int day) {
    return new StandardDate(year, month, day, false, false);
  }

  /** Whether these parts make a date this record accepts (never throws). */
  public static boolean isValid(int year, int month, int day) {
    if (year < MIN_YEAR || year > MAX_YEAR || month < 0 || month > 12 || day < 0) {
      return false;
    }
    if (day == 0) {
      return true;
    }
    return month != 0 && day <= YearMonth.of(year, month).lengthOfMonth();
  }

  public boolean hasMonth() {
    return month != 0;
  }

  public boolean hasDay() {
    return day != 0;
  }

  /** The day-month swapped reading, if the text allowed one. */
  public java.util.Optional<StandardDate> swapped() {
    if (!dayMonthAmbiguous || day == month) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new StandardDate(year, day, month, false, true));
  }

  /** The shared model type (drops the age and ambiguity flags). */
  public PartialDate toPartialDate() {
    return new PartialDate(year, month, day);
  }

  /** ISO form: 1975, 1975-03 or 1975-03-09. */
  @Override
  public String toString() {
    return toPartialDate().toString() + (ageDerived ? " (from age)" : "");
  }
}
