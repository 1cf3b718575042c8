package org.tumen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRangeTest {

  @ParameterizedTest(name = "{0} → {1} … {2}")
  @CsvSource({
    "1999, 1999-01-01, 1999-12-31",
    "2002-03, 2002-03-01, 2002-03-31",
    "2004-02, 2004-02-01, 2004-02-29",
    "2002-03-09, 2002-03-09, 2002-03-09",
    "2002-03 to 2002-09, 2002-03-01, 2002-09-30",
    "2002-03/2002-09, 2002-03-01, 2002-09-30",
    "1998/1999, 1998-01-01, 1999-12-31",
    "2002-03 ~ 2002-04-02, 2002-03-01, 2002-04-02",
    "winter 1999, 1999-12-01, 2000-02-29",
    "Spring 2003, 2003-03-01, 2003-05-31",
    "autumn 2001, 2001-09-01, 2001-11-30",
    "1999년 겨울, 1999-12-01, 2000-02-29",
    "2001년 여름, 2001-06-01, 2001-08-31",
    "1999年冬, 1999-12-01, 2000-02-29",
    "2003年春季, 2003-03-01, 2003-05-31",
  })
  void readsWhatWitnessesSay(String text, String earliest, String latest) {
    DateRange r = DateRange.parse(text);
    assertThat(r.earliest()).isEqualTo(LocalDate.parse(earliest));
    assertThat(r.latest()).isEqualTo(LocalDate.parse(latest));
  }

  @ParameterizedTest
  @CsvSource({
    "2002-09 to 2002-03",
    "2003/2002",
    "2002-03-10/2002-03-09",
    "winter 1999x",
    "sometime"
  })
  void refusesRangesThatEndBeforeTheyStartAndUnreadableText(String text) {
    assertThatThrownBy(() -> DateRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRangeThatEndsInsideTheYearItStartsCoversTheYear() {
    // "2002 to 2002-03": the witness did not say when in 2002 it began, so all of 2002 is possible
    DateRange r = DateRange.parse("2002/2002-03");
    assertThat(r.earliest()).isEqualTo(LocalDate.of(2002, 1, 1));
    assertThat(r.latest()).isEqualTo(LocalDate.of(2002, 12, 31));
  }

  @Test
  void gapsAndOverlaps() {
    DateRange march = DateRange.parse("2002-03");
    DateRange may = DateRange.parse("2002-05");
    assertThat(march.gapInDays(may)).isEqualTo(31); // 31 March → 1 May
    assertThat(may.gapInDays(march)).isEqualTo(31);
    assertThat(march.overlaps(DateRange.parse("2002"))).isTrue();
    assertThat(march.gapInDays(DateRange.parse("2002"))).isZero();
  }

  @Property
  void aRangeContainsItsEndsAndEveryDayBetween(
      @ForAll("dates") PartialDate a, @ForAll("dates") PartialDate b, @ForAll long seed) {
    Assume.that(!b.latest().isBefore(a.earliest()));
    DateRange r = new DateRange(a, b);
    assertThat(r.contains(a)).isTrue();
    assertThat(r.contains(b)).isTrue();
    long days = r.lengthInDays();
    LocalDate inside = r.earliest().plusDays(Math.floorMod(seed, days));
    assertThat(r.contains(PartialDate.of(inside))).isTrue();
    assertThat(r.contains(r)).isTrue();
    assertThat(r.overlaps(DateRange.of(a))).isTrue();
  }

  @Property
  void aRangeThatEndsBeforeItStartsIsRejected(
      @ForAll("dates") PartialDate a, @ForAll("dates") PartialDate b) {
    Assume.that(b.latest().isBefore(a.earliest()));
    assertThatThrownBy(() -> new DateRange(a, b)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void theTextFormReadsBack(@ForAll("dates") PartialDate a, @ForAll("dates") PartialDate b) {
    Assume.that(!b.latest().isBefore(a.earliest()));
    DateRange r = new DateRange(a, b);
    assertThat(DateRange.parse(r.toString())).isEqualTo(r);
  }

  @Property
  void overlapIsSymmetricAndMeansNoGap(
      @ForAll("ranges") DateRange r, @ForAll("ranges") DateRange s) {
    assertThat(r.overlaps(s)).isEqualTo(s.overlaps(r));
    assertThat(r.gapInDays(s) == 0).isEqualTo(r.overlaps(s));
  }

  @Provide
  Arbitrary<PartialDate> dates() {
    Arbitrary<LocalDate> day =
        Arbitraries.integers().between(0, 40 * 365).map(n -> LocalDate.of(1990, 1, 1).plusDays(n));
    Arbitrary<Integer> precision = Arbitraries.integers().between(0, 2);
    return Combinators.combine(day, precision)
        .as(
            (d, p) ->
                switch (p) {
                  case 0 -> PartialDate.ofYear(d.getYear());
                  case 1 -> PartialDate.ofMonth(d.getYear(), d.getMonthValue());
                  default -> PartialDate.of(d);
                });
  }

  @Provide
  Arbitrary<DateRange> ranges() {
    return Combinators.combine(dates(), dates())
        .as(
            (a, b) ->
                b.latest().isBefore(a.earliest()) ? new DateRange(b, a) : new DateRange(a, b));
  }
}
