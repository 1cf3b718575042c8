package org.tumen.document.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;

class EpochDaysTest {

  @Test
  void everyDayAPartialDateCanNameHasLocalDatesNumber() {
    // every day of years 1 to 9999, the range PartialDate accepts
    for (LocalDate d = LocalDate.of(1, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
      long expected = d.toEpochDay();
      if (EpochDays.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != expected) {
        assertThat(EpochDays.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
            .as(d.toString())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void yearsAndMonthsSpanWhatDateRangeSays() {
    for (int year = 1; year <= 9999; year++) {
      for (int month = 0; month <= 12; month++) {
        PartialDate p = new PartialDate(year, month, 0);
        DateRange r = DateRange.of(p);
        assertThat(EpochDays.earliest(r)).isEqualTo(r.earliest().toEpochDay());
        assertThat(EpochDays.latest(r)).isEqualTo(r.latest().toEpochDay());
        assertThat(EpochDays.length(r)).isEqualTo(r.lengthInDays());
      }
    }
  }

  @Test
  void rangesWhoseEndsDifferInPrecision() {
    DateRange r = DateRange.parse("2002 to 2002-03");
    assertThat(EpochDays.earliest(r)).isEqualTo(LocalDate.of(2002, 1, 1).toEpochDay());
    assertThat(EpochDays.latest(r)).isEqualTo(LocalDate.of(2002, 12, 31).toEpochDay());
    DateRange winter = DateRange.parse("winter 1999");
    assertThat(EpochDays.length(winter)).isEqualTo(winter.lengthInDays()).isEqualTo(91);
    DateRange leap = DateRange.parse("2000-02-10 to 2000-03");
    assertThat(EpochDays.earliest(leap)).isEqualTo(LocalDate.of(2000, 2, 10).toEpochDay());
    assertThat(EpochDays.latest(leap)).isEqualTo(LocalDate.of(2000, 3, 31).toEpochDay());
  }
}
