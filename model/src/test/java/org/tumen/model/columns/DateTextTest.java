package org.tumen.model.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumen.model.PartialDate;

/**
 * The date forms of the lists Tumen reads (Korean, Chinese and international NGOs', the simulated
 * lists, FEBRL) and the one rule for ambiguous day-month orders.
 */
class DateTextTest {

  private final DateText dates = new DateText(2003);

  /** text; ISO date; fromAge; dayMonthAmbiguous */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1975-03-09; 1975-03-09; false; false",
        "1975/03/09; 1975-03-09; false; false",
        "1975.3.9; 1975-03-09; false; false",
        " 1975. 3. 9. ; 1975-03-09; false; false",
        "19750309; 1975-03-09; false; false",
        "09031975; 1975-03-09; false; true",
        "09/03/1975; 1975-03-09; false; true",
        "25/03/1975; 1975-03-25; false; false",
        "03/25/1975; 1975-03-25; false; false",
        "09.09.1975; 1975-09-09; false; false",
        "1975년 3월 9일; 1975-03-09; false; false",
        "1975年3月9日; 1975-03-09; false; false",
        "１９７５－０３－０９; 1975-03-09; false; false",
        "1975년 3월; 1975-03; false; false",
        "03/1975; 1975-03; false; false",
        "1975; 1975; false; false",
        "March 1975; 1975-03; false; false",
        "9th of March 1975; 1975-03-09; false; false",
        "SEPT 1975; 1975-09; false; false",
        "75; 1975; false; false",
        "75.3.9; 1975-03-09; false; false",
        "9/3/75; 1975-03-09; false; true",
        "34세; 1969; true; false",
        "34岁; 1969; true; false",
        "age 40 in 2010; 1970; true; false",
        "1975-00-00; 1975; false; false",
        "00/03/1975; 1975-03; false; false",
      })
  void reads(String text, String iso, boolean fromAge, boolean ambiguous) {
    assertThat(dates.read(text))
        .contains(new DateReading(PartialDate.parseIso(iso), fromAge, ambiguous));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {"", "unknown", "모름", "1970s", "3월 9일", "age 200", "0975-03-09", "1 2 3 4 5"})
  void readsNoDate(String text) {
    assertThat(dates.read(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "1975-02-30, month 2 of 1975 has no day 30",
    "1975-13-01, there is no month 13",
    "1997-02-29, month 2 of 1997 has no day 29",
    "1975년 2월 30일, month 2 of 1975 has no day 30",
    "31/31/1975, whether read day/month/year or month/day/year",
    "1975-00-10, not a real date",
  })
  void saysWhyADateShapedTextNamesNoDay(String text, String why) {
    assertThat(dates.problem(text)).hasValueSatisfying(p -> assertThat(p).contains(why));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1975-03-09", "unknown", ""})
  void noProblemForDatesOrNonDates(String text) {
    assertThat(dates.problem(text)).isEmpty();
  }

  /**
   * The documented rule: d/m/y with both orders possible is read day first and marked ambiguous;
   * with one order possible, that order; the swapped reading is the month-first one.
   */
  @Property(tries = 400)
  void ambiguousDatesAreReadDayFirst(
      @ForAll @IntRange(min = 1, max = 31) int a,
      @ForAll @IntRange(min = 1, max = 31) int b,
      @ForAll @IntRange(min = 1900, max = 2025) int year) {
    Optional<DateReading> r = dates.read(String.format("%02d/%02d/%04d", a, b, year));
    boolean dayFirst = b <= 12 && a <= lengthOf(year, b);
    boolean monthFirst = a <= 12 && b <= lengthOf(year, a);
    if (dayFirst) {
      assertThat(r).isPresent();
      assertThat(r.get().date()).isEqualTo(new PartialDate(year, b, a));
      assertThat(r.get().dayMonthAmbiguous()).isEqualTo(monthFirst && a != b);
      if (monthFirst && a != b) {
        assertThat(r.get().swapped()).contains(new PartialDate(year, a, b));
        assertThat(r.get().certainPrecision()).isEqualTo(PartialDate.Precision.YEAR);
      }
    } else if (monthFirst) {
      assertThat(r).contains(DateReading.of(new PartialDate(year, a, b)));
    } else {
      assertThat(r).isEmpty();
    }
  }

  private static int lengthOf(int year, int month) {
    return month > 12 ? 0 : java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /** Any text gives a date or nothing, never an exception. */
  @Property(tries = 500)
  void neverThrows(@ForAll String text) {
    assertThat(dates.read(text)).isNotNull();
    assertThat(dates.problem(text)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({
    // stated in the second half of the year: the birthday has more likely passed
    "34, 2003-09-01, 1969",
    // in the first half: more likely still to come
    "34, 2003-02-01, 1968",
    "34, 2003, 1969",
  })
  void birthYearFromAnAgeAndTheDateItWasStated(int age, String stated, int year) {
    assertThat(DateText.fromAge(age, PartialDate.parseIso(stated)))
        .contains(new DateReading(PartialDate.ofYear(year), true, false));
  }

  @ParameterizedTest
  @CsvSource({"34, 34", "34세, 34", "만 34세, 34", "34岁, 34", "age 34, 34", "34 years, 34", "x, -1"})
  void readsAges(String text, int age) {
    assertThat(DateText.age(text)).isEqualTo(age);
  }
}
