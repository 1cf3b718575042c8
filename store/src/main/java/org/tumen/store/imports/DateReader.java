package org.tumen.store.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.tumen.model.PartialDate;
import org.tumen.model.columns.DateReading;
import org.tumen.model.columns.DateText;

/**
 * The import's view of a date cell, through the one date reader ({@link DateText}, which linkage
 * uses too, with its forms and its rule for ambiguous day-month orders): a date Tumen reads, one
 * whose day and month could swap (kept to its year: the import must not guess), or text in no date
 * form (kept as written). A date-shaped text that names no real day, or a date after today, is an
 * error.
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

  private final LocalDate today;
  private final DateText reader;

  DateReader(LocalDate today) {
    this.today = today;
    this.reader = new DateText(today.getYear());
  }

  /**
   * @param text a non-blank date text
   * @throws IllegalArgumentException naming the problem (without repeating the value) if the text
   *     has a date's form but names no real date, or a date after today
   */
  Reading read(String text) {
    Optional<DateReading> r = reader.read(text);
    if (r.isEmpty()) {
      Optional<String> problem = reader.problem(text);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(problem.get());
      }
      return new Reading(Kind.UNRECOGNISED, null);
    }
    PartialDate date = r.get().date();
    if (date.year() > today.getYear()
        || date.month() != 0
            && YearMonth.of(date.year(), date.month()).isAfter(YearMonth.from(today))
        || date.day() != 0 && date.toLocalDate().orElseThrow().isAfter(today)) {
      throw new IllegalArgumentException("a date in the future");
    }
    if (r.get().certainPrecision() != date.precision()) {
      return new Reading(Kind.AMBIGUOUS, PartialDate.ofYear(date.year()));
    }
    return new Reading(Kind.READ, date);
  }
}
