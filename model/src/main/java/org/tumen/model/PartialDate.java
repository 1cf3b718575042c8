package org.tumen.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A date known to a year, a month or a day: witnesses often remember only the year of a birth, or
 * the season of a crossing. Month and day are 0 when unknown; a day implies a month.
 *
 * <p>The ISO text form is {@code 1975}, {@code 1975-03} or {@code 1975-03-09}.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

  /** The precision a partial date is known to. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  public PartialDate {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("year out of range: " + year);
    }
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month out of range: " + month);
    }
    if (day != 0) {
      if (month == 0) {
        throw new IllegalArgumentException("a day needs a month");
      }
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("no such day: " + year + "-" + month + "-" + day, e);
      }
    }
  }

  public static PartialDate ofYear(int year) {
    return new PartialDate(year, 0, 0);
  }

  public static PartialDate ofMonth(int year, int month) {
    return new PartialDate(year, month, 0);
  }

  public static PartialDate of(LocalDate date) {
    return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
  }

  /**
   * Parses the ISO text form ({@code yyyy}, {@code yyyy-mm}, {@code yyyy-mm-dd}).
   *
   * @throws IllegalArgumentException if the text is not one of those forms or names no real day
   */
  public static PartialDate parseIso(String text) {
    String s = text.strip();
    String[] parts = s.split("-", -1);
    if (parts.length > 3 || parts[0].length() != 4) {
      throw new IllegalArgumentException("not an ISO partial date: " + s);
    }
    try {
      int y = Integer.parseInt(parts[0]);
      int m = parts.length > 1 ? twoDigits(parts[1]) : 0;
      int d = parts.length > 2 ? twoDigits(parts[2]) : 0;
      if (parts.length > 1 && m == 0 || parts.length > 2 && d == 0) {
        throw new IllegalArgumentException("not an ISO partial date: " + s);
      }
      return new PartialDate(y, m, d);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an ISO partial date: " + s, e);
    }
  }

  private static int twoDigits(String p) {
    if (p.length() != 2) {
      throw new NumberFormatException(p);
    }
    return Integer.parseInt(p);
  }

  public Precision precision() {
    return day != 0 ? Precision.DAY : month != 0 ? Precision.MONTH : Precision.YEAR;
  }

  public OptionalInt monthIfKnown() {
    return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
  }

  public OptionalInt dayIfKnown() {
    return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
  }

  public Optional<LocalDate> toLocalDate() {
    return day == 0 ? Optional.empty() : Optional.of(LocalDate.of(year, month, day));
  }

  /** The first day this date could be: 1975 → 1975-01-01, 1975-03 → 1975-03-01. */
  public LocalDate earliest() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day this date could be: 1975 → 1975-12-31, 1976-02 → 1976-02-29. */
  public LocalDate latest() {
    if (day != 0) {
      return LocalDate.of(year, month, day);
    }
    LocalDate first = LocalDate.of(year, month == 0 ? 12 : month, 1);
    return first.withDayOfMonth(first.lengthOfMonth());
  }

  /** Whether a date of this precision could be {@code other}: they agree on every known part. */
  public boolean isCompatibleWith(PartialDate other) {
    return year == other.year
        && (month == 0 || other.month == 0 || month == other.month)
        && (day == 0 || other.day == 0 || day == other.day);
  }

  @Override
  public int compareTo(PartialDate o) {
    int c = Integer.compare(year, o.year);
    if (c == 0) {
      c = Integer.compare(month, o.month);
    }
    return c != 0 ? c : Integer.compare(day, o.day);
  }

  @Override
  public String toString() {
    return switch (precision()) {
      case YEAR -> String.format("%04d", year);
      case MONTH -> String.format("%04d-%02d", year, month);
      case DAY -> String.format("%04d-%02d-%02d", year, month, day);
    };
  }
}
