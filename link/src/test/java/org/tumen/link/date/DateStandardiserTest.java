package org.tumen.link.date;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Table-driven tests of the date formats that the simulated lists use (helper rules, "The simulated
 * lists": 1975-03-09, 1975.3.9, 09/03/1975, 1975년 3월 9일, 1975, 1975-03 …) and of the other common
 * ones the class documents.
 */
class DateStandardiserTest {

  private final DateStandardiser dates = new DateStandardiser(2003);

  /** text; year; month; day; ageDerived; dayMonthAmbiguous */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1975-03-09; 1975; 3; 9; false; false",
        "1975/03/09; 1975; 3; 9; false; false",
        "1975.3.9; 1975; 3; 9; false; false",
        " 1975. 3. 9. ; 1975; 3; 9; false; false", // Korean habit: spaces and a final dot
        "19750309; 1975; 3; 9; false; false",
        "09031975; 1975; 3; 9; false; true", // ddmmyyyy when yyyymmdd is impossible
        "09/03/1975; 1975; 3; 9; false; true", // day first kept, swap recorded
        "25/03/1975; 1975; 3; 25; false; false", // only d/m/y possible
        "03/25/1975; 1975; 3; 25; false; false", // only m/d/y possible
        "09.09.1975; 1975; 9; 9; false; false", // both readings are the same day
        "1975년 3월 9일; 1975; 3; 9; false; false",
        "1975년3월9일; 1975; 3; 9; false; false",
        "1975年3月9日; 1975; 3; 9; false; false",
        "１９７５－０３－０９; 1975; 3; 9; false; false", // full-width, folded by NFKC
        "1975년 3월; 1975; 3; 0; false; false",
        "1975년; 1975; 0; 0; false; false",
        "1975-03; 1975; 3; 0; false; false",
        "03/1975; 1975; 3; 0; false; false",
        "197503; 1975; 3; 0; false; false",
        "1975; 1975; 0; 0; false; false",
        "March 1975; 1975; 3; 0; false; false",
        "9 Mar 1975; 1975; 3; 9; false; false",
        "Mar 9, 1975; 1975; 3; 9; false; false",
        "9th of March 1975; 1975; 3; 9; false; false",
        "SEPT 1975; 1975; 9; 0; false; false",
        "75; 1975; 0; 0; false; false", // pivot: 30–99 → 19xx
        "05; 2005; 0; 0; false; false", // pivot: 00–29 → 20xx
        "75.3.9; 1975; 3; 9; false; false", // two-digit year first with dots (Korean short form)
        "750309; 1975; 3; 9; false; false",
        "9/3/75; 1975; 3; 9; false; true", // two-digit year last with slashes
        "75년 3월; 1975; 3; 0; false; false",
        "34세; 1969; 0; 0; true; false", // against the reference year 2003
        "만 34세; 1969; 0; 0; true; false",
        "34살; 1969; 0; 0; true; false",
        "34岁; 1969; 0; 0; true; false",
        "age 34; 1969; 0; 0; true; false",
        "34 years old; 1969; 0; 0; true; false",
        "age 40 in 2010; 1970; 0; 0; true; false",
        "2010년 40세; 1970; 0; 0; true; false",
        "1996-02-29; 1996; 2; 29; false; false", // leap day
        "1975-00-00; 1975; 0; 0; false; false", // registers write unknown parts as zeros
        "1975-03-00; 1975; 3; 0; false; false",
        "19750000; 1975; 0; 0; false; false",
        "00/00/1975; 1975; 0; 0; false; false",
        "00/03/1975; 1975; 3; 0; false; false",
        "about 1975; 1975; 0; 0; false; false",
      })
  void parses(String text, int year, int month, int day, boolean age, boolean ambiguous) {
    assertThat(dates.parse(text)).contains(new StandardDate(year, month, day, age, ambiguous));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "   ",
        "unknown",
        "모름",
        "1975-02-30", // no such day
        "1975-13-01", // no such month
        "1997-02-29", // not a leap year
        "31/31/1975",
        "1975년 3월 32일",
        "3월 9일", // no year
        "age 200",
        "1234567890123",
        "1 2 3 4 5",
        "0975-03-09", // out of range
        "synthetic",
      })
  void rejectsWithoutThrowing(String text) {
    assertThat(dates.parse(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void nullIsEmpty() {
    assertThat(dates.parse(null)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void swapCandidateOfAnAmbiguousDate() {
    StandardDate d = dates.parse("09/03/1975").orElseThrow();
    assertThat(d.swapped()).contains(new StandardDate(1975, 9, 3, false, true));
    assertThat(dates.parse("1975-03-09").orElseThrow().swapped()).isEmpty();
  }

  /** Every real date, written in each supported full form, reads back as itself. */
  @Property(tries = 300)
  void everyRealDateRoundTrips(
      @ForAll @IntRange(min = 1900, max = 2029) int year,
      @ForAll @IntRange(min = 1, max = 12) int month,
      @ForAll @IntRange(min = 1, max = 31) int day) {
    if (!StandardDate.isValid(year, month, day)) {
      return;
    }
    StandardDate expected = StandardDate.of(year, month, day);
    String[] forms = {
      String.format("%04d-%02d-%02d", year, month, day),
      String.format("%d.%d.%d", year, month, day),
      String.format("%04d%02d%02d", year, month, day),
      String.format("%d년 %d월 %d일", year, month, day),
    };
    for (String f : forms) {
      assertThat(dates.parse(f)).as(f).contains(expected);
    }
    // d/m/y: the day-first reading is kept, flagged when the month-first one was possible too
    Optional<StandardDate> dmy = dates.parse(String.format("%02d/%02d/%04d", day, month, year));
    boolean ambiguous = day <= 12 && day != month;
    assertThat(dmy).contains(new StandardDate(year, month, day, false, ambiguous));
  }

  /** Any text at all gives a date or nothing, never an exception. */
  @Property(tries = 500)
  void neverThrows(@ForAll String text) {
    assertThat(dates.parse(text)).isNotNull();
  }

  /** Linkage reads every date as the import does: both go through model's one DateText. */
  @Property(tries = 300)
  void agreesWithTheOneDateReader(
      @ForAll @IntRange(min = 0, max = 40) int a,
      @ForAll @IntRange(min = 0, max = 40) int b,
      @ForAll @IntRange(min = 1790, max = 2210) int y) {
    for (String text :
        new String[] {
          String.format("%02d/%02d/%04d", a, b, y),
          String.format("%04d-%02d-%02d", y, a, b),
          String.format("%d.%d.%d", a, b, y % 100)
        }) {
      Optional<StandardDate> d = dates.parse(text);
      var one = new org.tumen.model.columns.DateText(2003).read(text);
      assertThat(d.map(StandardDate::toPartialDate)).as(text).isEqualTo(one.map(r -> r.date()));
      assertThat(d.map(StandardDate::dayMonthAmbiguous))
          .as(text)
          .isEqualTo(one.map(r -> r.dayMonthAmbiguous()));
    }
  }
}
