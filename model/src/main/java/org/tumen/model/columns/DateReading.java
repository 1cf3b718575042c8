package org.tumen.model.columns;

import java.util.Objects;
import java.util.Optional;
import org.tumen.model.PartialDate;

/**
 * What {@link DateText} read from one cell.
 *
 * @param date the date, as precise as the text (a year only for an age)
 * @param fromAge the year was computed from an age and the date it was stated, so it may be one
 *     year off, depending on whether the birthday had passed
 * @param dayMonthAmbiguous the text was a numeric date with the year last whose day and month could
 *     be read either way round (09/03/1975); {@link #date} holds the day-first reading, {@link
 *     #swapped} the other
 */
public record DateReading(PartialDate date, boolean fromAge, boolean dayMonthAmbiguous) {

  public DateReading {
    Objects.requireNonNull(date, "date");
    if (fromAge && date.month() != 0) {
      throw new IllegalArgumentException("an age gives a year only");
    }
    if (dayMonthAmbiguous && (date.day() == 0 || date.day() > 12 || date.day() == date.month())) {
      throw new IllegalArgumentException("only a day of 1-12 other than the month can be a month");
    }
  }

  /** A date read plainly, with no age and no ambiguity. */
  public static DateReading of(PartialDate date) {
    return new DateReading(date, false, false);
  }

  /**
   * The precision a user that must not guess should keep: a day-month ambiguous date is known to
   * its year only.
   */
  public PartialDate.Precision certainPrecision() {
    return dayMonthAmbiguous ? PartialDate.Precision.YEAR : date.precision();
  }

  /** The month-first reading of an ambiguous date. */
  public Optional<PartialDate> swapped() {
    return dayMonthAmbiguous
        ? Optional.of(new PartialDate(date.year(), date.day(), date.month()))
        : Optional.empty();
  }
}
