package org.tumen.link.date;

import java.util.Optional;
import org.tumen.model.columns.DateReading;
import org.tumen.model.columns.DateText;

/**
 * Reads a birth date written in any of the common ways into a {@link StandardDate}, through the one
 * date reader Tumen has ({@link DateText}, in {@code model}, which the import uses too): the forms
 * it accepts and its rule for ambiguous day-month orders (09/03/1975 is read day first and flagged
 * {@link StandardDate#dayMonthAmbiguous()}) are documented there. Anything that is no possible date
 * gives an empty result: user data never raise an exception. Immutable and thread-safe.
 */
public final class DateStandardiser {

  private final DateText reader;

  /** Reads bare ages ("34세") against the current year; prefer {@link #DateStandardiser(int)}. */
  public DateStandardiser() {
    this.reader = new DateText();
  }

  /** Reads bare ages against the year the list was made (a 34-year-old in 2003 → 1969). */
  public DateStandardiser(int referenceYear) {
    if (referenceYear < StandardDate.MIN_YEAR || referenceYear > StandardDate.MAX_YEAR) {
      throw new IllegalArgumentException("reference year out of range: " + referenceYear);
    }
    this.reader = new DateText(referenceYear);
  }

  /** The date in the text, or empty if the text holds no possible date. Never throws. */
  public Optional<StandardDate> parse(String text) {
    return reader.read(text).map(DateStandardiser::standard);
  }

  static StandardDate standard(DateReading r) {
    return new StandardDate(
        r.date().year(), r.date().month(), r.date().day(), r.fromAge(), r.dayMonthAmbiguous());
  }
}
