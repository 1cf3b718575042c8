package org.tumen.simulate;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.tumen.model.PartialDate;

/**
 * Writes one person as one row of one list: the name in a style the organisation uses, the other
 * fields in its formats, and the errors of the list's error rates. It reports which errors it put
 * in, so that tests can check everything else is faithful to the truth.
 */
final class RecordRenderer {

  /** The kinds of deliberate error. */
  enum Injected {
    TYPO,
    MISSING,
    NAME_ORDER_SWAP,
    DAY_MONTH_SWAP,
    AGE_YEAR
  }

  /**
   * One written row without its record id.
   *
   * @param cells the columns after the record id, in the list's header order
   * @param style how the name was written
   * @param injected the errors put in
   */
  record Rendered(List<String> cells, NameStyle style, Set<Injected> injected) {}

  private final ListSpec spec;
  private final Weighted<NameStyle> names;
  private final Weighted<DateStyle> dates;
  private final Weighted<PlaceStyle> places;
  private final Weighted<Integer> precision;
  private final int maxInterviewDelayDays;

  RecordRenderer(ListSpec spec, int maxInterviewDelayDays) {
    this.spec = spec;
    this.names = Weighted.of(spec.nameStyles());
    this.dates = Weighted.of(spec.dateStyles());
    this.places = Weighted.of(spec.placeStyles());
    ListSpec.BirthDates b = spec.birthDates();
    this.precision =
        Weighted.of(List.of(0, 1, 2, 3), new double[] {b.day(), b.month(), b.year(), b.age()});
    this.maxInterviewDelayDays = maxInterviewDelayDays;
  }

  Rendered render(Person p, UniformRandomProvider rng) {
    EnumSet<Injected> injected = EnumSet.noneOf(Injected.class);
    ListSpec.Errors e = spec.errors();
    HeaderSet headers = spec.headers();
    NameStyle style = names.pick(rng);
    NameRenderer.Parts parts = NameRenderer.render(p.name(), style, rng);
    String surname = parts.surname();
    String given = parts.given();
    // Hanja surnames are picked from a list, not typed letter by letter: no typos there.
    if (style != NameStyle.HANJA_SURNAME && rng.nextDouble() < e.typo()) {
      surname = Typos.apply(surname, rng);
      injected.add(Injected.TYPO);
    }
    if (rng.nextDouble() < e.typo()) {
      given = Typos.apply(given, rng);
      injected.add(Injected.TYPO);
    }
    if (rng.nextDouble() < e.missingGivenName()) {
      given = "";
      injected.add(Injected.MISSING);
    }
    boolean swap = rng.nextDouble() < e.nameOrderSwap();
    if (swap) {
      injected.add(Injected.NAME_ORDER_SWAP);
    }
    List<String> cells = new ArrayList<>(6);
    if (headers.splitName()) {
      cells.add(swap ? given : surname);
      cells.add(swap ? surname : given);
    } else {
      String first = swap ? given : surname;
      String second = swap ? surname : given;
      // Hangul and Hanja names are written without a space; Latin ones with one.
      String sep = style.latin() || swap ? " " : "";
      cells.add(first.isEmpty() || second.isEmpty() ? first + second : first + sep + second);
    }
    cells.add(missing(rng, e.missingSex(), injected) ? "" : headers.sex(p.sex()));
    cells.add(missing(rng, e.missingBirthDate(), injected) ? "" : birthDate(p, rng, injected));
    cells.add(
        missing(rng, e.missingBirthplace(), injected)
            ? ""
            : ProvinceNames.write(p.province(), places.pick(rng), rng));
    cells.add(headers.note());
    return new Rendered(cells, style, injected);
  }

  private static boolean missing(UniformRandomProvider rng, double rate, Set<Injected> injected) {
    if (rng.nextDouble() < rate) {
      injected.add(Injected.MISSING);
      return true;
    }
    return false;
  }

  private String birthDate(Person p, UniformRandomProvider rng, Set<Injected> injected) {
    LocalDate b = p.birth();
    PartialDate written =
        switch (precision.pick(rng)) {
          case 0 -> {
            int m = b.getMonthValue();
            int d = b.getDayOfMonth();
            if (d <= 12 && d != m && rng.nextDouble() < spec.errors().dayMonthSwap()) {
              injected.add(Injected.DAY_MONTH_SWAP);
              yield new PartialDate(b.getYear(), d, m);
            }
            yield PartialDate.of(b);
          }
          case 1 -> PartialDate.ofMonth(b.getYear(), b.getMonthValue());
          case 2 -> PartialDate.ofYear(b.getYear());
          default -> {
            injected.add(Injected.AGE_YEAR);
            yield PartialDate.ofYear(yearFromAge(b, p.crossing(), rng));
          }
        };
    return DateWriter.write(written, dates.pick(rng));
  }

  /**
   * The birth year a clerk works out from the age a person gives at an interview some days after
   * crossing: interview year minus age, which is the true year or one later; an age counted the
   * Korean way (one at birth, one more each new year) gives one earlier.
   */
  private int yearFromAge(LocalDate birth, LocalDate crossing, UniformRandomProvider rng) {
    LocalDate interview = crossing.plusDays(rng.nextInt(maxInterviewDelayDays + 1));
    int age =
        rng.nextDouble() < spec.birthDates().koreanAge()
            ? interview.getYear() - birth.getYear() + 1
            : Period.between(birth, interview).getYears();
    return interview.getYear() - age;
  }
}
