package org.tumen.document.count;

import java.time.LocalDate;
import org.tumen.model.DateRange;

/** The calendar periods counts are grouped by. */
public enum Period {
  MONTH,
  QUARTER,
  YEAR;

  /**
   * The period an act's dates fall in ({@code 2002-03}, {@code 2002-Q1}, {@code 2002}); when they
   * span several, the year with "(month not known)" or "(quarter not known)", or "year not known"
   * when they span several years: an act is never spread over periods or guessed into one.
   */
  String bucket(DateRange when) {
    LocalDate a = when.earliest();
    LocalDate b = when.latest();
    String first = label(a);
    if (first.equals(label(b))) {
      return first;
    }
    if (a.getYear() == b.getYear()) {
      return a.getYear() + (this == MONTH ? " (month not known)" : " (quarter not known)");
    }
    return "year not known";
  }

  private String label(LocalDate d) {
    // built by hand: String.format costs more than the rest of counting an act
    StringBuilder b = new StringBuilder(8).append(d.getYear());
    switch (this) {
      case MONTH -> b.append(d.getMonthValue() < 10 ? "-0" : "-").append(d.getMonthValue());
      case QUARTER -> b.append("-Q").append((d.getMonthValue() + 2) / 3);
      case YEAR -> {}
    }
    return b.toString();
  }
}
