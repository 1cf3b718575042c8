package org.tumen.link.date;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateAgreementTest {

  private final DateStandardiser dates = new DateStandardiser(2003);

  @ParameterizedTest(name = "[{index}] {0} vs {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1975-03-09; 9.3.1975; EXACT",
        "1975-03-09; 1975-09-03; DAY_MONTH_SWAPPED",
        "1975-03-09; 1975-03-10; SAME_YEAR_MONTH",
        "1975-03-09; 1975-03; SAME_YEAR_MONTH",
        "1975-03; 1975년 3월; SAME_YEAR_MONTH",
        "1975-03-09; 1975; SAME_YEAR",
        "1975-03-09; 1975-04-09; SAME_YEAR",
        "1975; 1975; SAME_YEAR",
        "1975-03-09; 28세; WITHIN_ONE_YEAR", // 2003 − 28 = 1975 → same year
        "1974-03-09; 28세; WITHIN_ONE_YEAR",
        "1976; age 28; WITHIN_ONE_YEAR",
        "1974; 1975; WITHIN_ONE_YEAR", // a year alone is usually a recorded age
        "1974-05-01; 1975-05-01; DIFFERENT", // ±1 only for ages and years alone
        "1974-05; 1975; WITHIN_ONE_YEAR",
        "1974-05; 1975-05; DIFFERENT",
        "1973; 28세; DIFFERENT", // two years apart
        "1975-03-09; 1985-03-09; DIFFERENT",
        "1975-03-09; ''; MISSING",
        "''; ''; MISSING",
      })
  void grades(String a, String b, DateAgreement expected) {
    StandardDate x = dates.parse(a).orElse(null);
    StandardDate y = dates.parse(b).orElse(null);
    DateAgreement got = DateAgreement.of(x, y);
    if (expected == DateAgreement.WITHIN_ONE_YEAR
        && x != null
        && y != null
        && x.year() == y.year()) {
      expected = DateAgreement.SAME_YEAR;
    }
    assertThat(got).isEqualTo(expected);
  }

  @Property(tries = 300)
  void symmetric(
      @ForAll @IntRange(min = 1950, max = 1952) int y1,
      @ForAll @IntRange(min = 0, max = 12) int m1,
      @ForAll @IntRange(min = 0, max = 28) int d1,
      @ForAll @IntRange(min = 1950, max = 1952) int y2,
      @ForAll @IntRange(min = 0, max = 12) int m2,
      @ForAll @IntRange(min = 0, max = 28) int d2) {
    if (!StandardDate.isValid(y1, m1, d1) || !StandardDate.isValid(y2, m2, d2)) {
      return;
    }
    StandardDate a = new StandardDate(y1, m1, d1, false);
    StandardDate b = new StandardDate(y2, m2, d2, false);
    assertThat(DateAgreement.of(a, b)).isEqualTo(DateAgreement.of(b, a));
    assertThat(DateAgreement.of(a, a))
        .isIn(DateAgreement.EXACT, DateAgreement.SAME_YEAR_MONTH, DateAgreement.SAME_YEAR);
  }
}
