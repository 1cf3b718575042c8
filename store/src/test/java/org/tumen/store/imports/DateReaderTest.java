package org.tumen.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.store.imports.DateReader.Kind;

/**
 * The date forms of the simulated lists (helper-rules.md) and of Korean and Chinese NGOs' files.
 */
class DateReaderTest {

  private final DateReader reader = new DateReader(LocalDate.of(2026, 11, 29));

  @ParameterizedTest
  @CsvSource({
    "1975-03-09, 1975-03-09",
    "1975.3.9, 1975-03-09",
    "1975.03.09., 1975-03-09",
    "1975/3/9, 1975-03-09",
    "19750309, 1975-03-09",
    "1975년 3월 9일, 1975-03-09",
    "1975년3월, 1975-03",
    "1975年3月9日, 1975-03-09",
    "1975年3月, 1975-03",
    "1975, 1975",
    "1975-03, 1975-03",
    "03/1975, 1975-03",
    "'  1975-03-09 ', 1975-03-09",
    // day first: 13 cannot be a month
    "13/03/1975, 1975-03-13",
    // month first: 13 cannot be a month, so 03 is
    "03/13/1975, 1975-03-13",
    // the same either way round
    "04/04/1975, 1975-04-04",
    "1976-02-29, 1976-02-29",
  })
  void readsTheCommonForms(String text, String iso) {
    DateReader.Reading r = reader.read(text);
    assertThat(r.kind()).isEqualTo(Kind.READ);
    assertThat(r.date()).hasToString(iso);
  }

  @ParameterizedTest
  @CsvSource({"09/03/1975", "1.2.1990", "12-11-2001"})
  void keepsOnlyTheYearWhenDayAndMonthCouldSwap(String text) {
    DateReader.Reading r = reader.read(text);
    assertThat(r.kind()).isEqualTo(Kind.AMBIGUOUS);
    assertThat(r.date().monthIfKnown()).isEmpty();
  }

  /** Forms the one date reader (model's DateText, shared with linkage) reads to a year. */
  @ParameterizedTest
  @CsvSource({"about 1975, 1975", "spring 1998, 1998", "75, 1975", "34세, 1992"})
  void readsLooseFormsToTheirYear(String text, String iso) {
    DateReader.Reading r = reader.read(text);
    assertThat(r.kind()).isEqualTo(Kind.READ);
    assertThat(r.date()).hasToString(iso);
  }

  @ParameterizedTest
  @CsvSource({"모름", "1970s", "unknown"})
  void leavesUnknownFormsAsWritten(String text) {
    assertThat(reader.read(text).kind()).isEqualTo(Kind.UNRECOGNISED);
  }

  @ParameterizedTest
  @CsvSource({
    "1975-02-30, month 2 of 1975 has no day 30",
    "1975-13-01, there is no month 13",
    "1975.4.31, month 4 of 1975 has no day 31",
    "1975-02-29, month 2 of 1975 has no day 29",
    "1975년 2월 30일, month 2 of 1975 has no day 30",
    "31/31/1975, whether read day/month/year or month/day/year",
    "1975-00-10, not a real date",
    "2031, in the future",
    "2026-12-01, in the future",
  })
  void refusesDatesThatNameNoRealDay(String text, String why) {
    assertThatThrownBy(() -> reader.read(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(why);
  }

  /**
   * The import and linkage read a date alike (both through model's DateText): the import keeps a
   * day-month ambiguous date to its year, and otherwise the very date linkage reads.
   */
  @net.jqwik.api.Property(tries = 300)
  void agreesWithTheOneDateReader(
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 31) int a,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 31) int b,
      @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1900, max = 2025) int y) {
    String text = String.format("%02d/%02d/%04d", a, b, y);
    var linkage = new org.tumen.model.columns.DateText(2026).read(text);
    if (linkage.isEmpty()) {
      assertThatThrownBy(() -> reader.read(text)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    DateReader.Reading r = reader.read(text);
    if (linkage.get().dayMonthAmbiguous()) {
      assertThat(r.kind()).isEqualTo(Kind.AMBIGUOUS);
      assertThat(r.date()).isEqualTo(org.tumen.model.PartialDate.ofYear(y));
    } else {
      assertThat(r.kind()).isEqualTo(Kind.READ);
      assertThat(r.date()).isEqualTo(linkage.get().date());
    }
  }
}
