package org.tumen.document.event;

import java.time.Year;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;

/**
 * A date range's first and last days as day numbers ({@link java.time.LocalDate#toEpochDay}),
 * computed without making the {@link java.time.LocalDate}s that {@link DateRange#earliest()} and
 * {@link DateRange#latest()} make: counting asks for them once or twice for every record, and a
 * cold {@code tumen count} (C1-compiled code, which keeps every such object) of a million acts
 * spent a tenth of its allocation on them (docs/benchmarks.md, "cold13").
 */
public final class EpochDays {

  private EpochDays() {}

  /** {@code when.earliest().toEpochDay()}. */
  public static long earliest(DateRange when) {
    return Math.min(earliest(when.start()), earliest(when.end()));
  }

  /** {@code when.latest().toEpochDay()}. */
  public static long latest(DateRange when) {
    return Math.max(latest(when.start()), latest(when.end()));
  }

  /** {@code when.lengthInDays()}: days from the first to the last, both included. */
  public static long length(DateRange when) {
    return latest(when) - earliest(when) + 1;
  }

  static long earliest(PartialDate d) {
    return of(d.year(), d.month() == 0 ? 1 : d.month(), d.day() == 0 ? 1 : d.day());
  }

  static long latest(PartialDate d) {
    if (d.day() != 0) {
      return of(d.year(), d.month(), d.day());
    }
    int month = d.month() == 0 ? 12 : d.month();
    return of(d.year(), month, lengthOfMonth(d.year(), month));
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> Year.isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Days since 1970-01-01 of a day of the proleptic Gregorian calendar: whole 400-year cycles of
   * 146,097 days, then years of a cycle counted from March (so that February's leap day ends the
   * year), then days of the year from the months' lengths (153 days every five months from March).
   */
  static long of(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long cycle = Math.floorDiv(y, 400);
    long yearOfCycle = y - cycle * 400;
    int monthFromMarch = (month + 9) % 12;
    long dayOfYear = (153L * monthFromMarch + 2) / 5 + day - 1;
    long dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear;
    // 719,468: days from 0000-03-01, where the cycles start, to 1970-01-01
    return cycle * 146_097 + dayOfCycle - 719_468;
  }
}
