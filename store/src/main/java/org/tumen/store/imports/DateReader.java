package org.tumen.store.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.model.PartialDate;

/**
 * Reads the dates lists are written in: ISO and its dotted or slashed cousins ({@code 1975-03-09},
 * {@code 1975.3.9}, {@code 1975/03}), compact ({@code 19750309}), Korean ({@code 1975년 3월 9일}),
 * Chinese ({@code 1975年3月9日}), day-first or month-first ({@code 09/03/1975}), and partial dates (a
 * year, a year and month). A date that names no real day is an error; a day-first/month-first date
 * that reads both ways is ambiguous and keeps only its year; text in no known form is left as
 * written.
 */
final class DateReader {

  /** What a date text said. */
  enum Kind {
    /** A date, as precise as the text. */
    READ,
    /** {@code 03/04/1975}: the day and month could be either way round; only the year is sure. */
    AMBIGUOUS,
    /** No date form Tumen knows; kept as written. */
    UNRECOGNISED
  }

  /**
   * @param date the date (only the year for {@link Kind#AMBIGUOUS}; null if unrecognised)
   */
  record Reading(Kind kind, PartialDate date) {}

  private static final Pattern YMD =
      Pattern.compile("(\\d{4})(?:([-./])(\\d{1,2})(?:\\2(\\d{1,2}))?)?\\.?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern KOREAN =
      Pattern.compile("(\\d{4})\\s*년(?:\\s*(\\d{1,2})\\s*월(?:\\s*(\\d{1,2})\\s*일)?)?");
  private static final Pattern CHINESE =
      Pattern.compile("(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?)?");
  private static final Pattern DMY = Pattern.compile("(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern MY = Pattern.compile("(\\d{1,2})[-./](\\d{4})");

  private final LocalDate today;

  DateReader(LocalDate today) {
    this.today = today;
  }

  /**
   * @param text a non-blank date text
   * @throws IllegalArgumentException naming the problem (without repeating the value) if the text
   *     has a date's form but names no real date, or a date after today
   */
  Reading read(String text) {
    String s = text.strip();
    Matcher m;
    if ((m = YMD.matcher(s)).matches()) {
      return read(num(m, 1), num(m, 3), num(m, 4));
    }
    if ((m = COMPACT.matcher(s)).matches()
        || (m = KOREAN.matcher(s)).matches()
        || (m = CHINESE.matcher(s)).matches()) {
      return read(num(m, 1), num(m, 2), num(m, 3));
    }
    if ((m = MY.matcher(s)).matches()) {
      return read(num(m, 2), num(m, 1), 0);
    }
    if ((m = DMY.matcher(s)).matches()) {
      int a = num(m, 1);
      int b = num(m, 3);
      int year = num(m, 4);
      boolean dayFirst = possible(year, b, a);
      boolean monthFirst = possible(year, a, b);
      if (dayFirst && monthFirst && a != b) {
        return new Reading(Kind.AMBIGUOUS, read(year, 0, 0).date());
      }
      if (!dayFirst && !monthFirst) {
        throw new IllegalArgumentException(
            "not a real date whether read day/month/year or month/day/year");
      }
      return dayFirst ? read(year, b, a) : read(year, a, b);
    }
    return new Reading(Kind.UNRECOGNISED, null);
  }

  private Reading read(int year, int month, int day) {
    if (month > 12) {
      throw new IllegalArgumentException("not a real date: there is no month " + month);
    }
    if (day != 0 && !possible(year, month, day)) {
      throw new IllegalArgumentException(
          "not a real date: month " + month + " of " + year + " has no day " + day);
    }
    if (year < 1 || month == 0 && day != 0) {
      throw new IllegalArgumentException("not a real date");
    }
    PartialDate date = new PartialDate(year, month, day);
    if (date.year() > today.getYear()
        || month != 0 && YearMonth.of(year, month).isAfter(YearMonth.from(today))
        || day != 0 && LocalDate.of(year, month, day).isAfter(today)) {
      throw new IllegalArgumentException("a date in the future");
    }
    return new Reading(Kind.READ, date);
  }

  private static boolean possible(int year, int month, int day) {
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= YearMonth.of(year, month).lengthOfMonth();
  }

  private static int num(Matcher m, int group) {
    String g = m.group(group);
    return g == null ? 0 : Integer.parseInt(g);
  }
}
