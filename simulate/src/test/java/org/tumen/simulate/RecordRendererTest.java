package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.rng.UniformRandomProvider;
import org.tumen.model.PartialDate;
import org.tumen.model.Sex;
import org.tumen.simulate.RecordRenderer.Injected;
import org.tumen.simulate.RecordRenderer.Rendered;

class RecordRendererTest {

  private static final Pattern[] DATE_FORMS = {
    Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"),
    Pattern.compile("(\\d{4})\\.(\\d{1,2})(?:\\.(\\d{1,2}))?"),
    Pattern.compile("(\\d{4})년 (\\d{1,2})월(?: (\\d{1,2})일)?"),
    Pattern.compile("(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?")
  };
  private static final Pattern DMY = Pattern.compile("(?:(\\d{2})/)?(\\d{2})/(\\d{4})");

  /** Reads back every date form the simulator writes (DateStyle), independently of DateWriter. */
  static PartialDate parse(String text) {
    for (Pattern p : DATE_FORMS) {
      Matcher m = p.matcher(text);
      if (m.matches()) {
        return new PartialDate(
            Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)));
      }
    }
    Matcher m = DMY.matcher(text);
    if (m.matches()) {
      return new PartialDate(
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), number(m.group(1)));
    }
    throw new AssertionError("unreadable date: " + text);
  }

  private static int number(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }

  @Property(tries = 30)
  void datesWithoutInjectedErrorsAgreeWithTheTruth(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int list) {
    Scenario s = Scenario.defaults();
    ListSpec spec = s.lists().get(list);
    int dateColumn = spec.headers().splitName() ? 3 : 2;
    PopulationGenerator people = new PopulationGenerator(s, seed);
    RecordRenderer r = new RecordRenderer(spec, s.maxInterviewDelayDays());
    UniformRandomProvider rng = RandomStreams.render(seed, list);
    for (int i = 0; i < 300; i++) {
      Person p = people.next();
      Rendered out = r.render(p, rng);
      String text = out.cells().get(dateColumn);
      if (text.isEmpty()) {
        assertThat(out.injected()).contains(Injected.MISSING);
        continue;
      }
      PartialDate written = parse(text);
      PartialDate truth = PartialDate.of(p.birth());
      if (out.injected().contains(Injected.AGE_YEAR)) {
        assertThat(written.year()).isBetween(truth.year() - 1, truth.year() + 1);
      } else if (!out.injected().contains(Injected.DAY_MONTH_SWAP)) {
        assertThat(written.isCompatibleWith(truth)).as(text + " vs " + truth).isTrue();
      } else {
        assertThat(written).isEqualTo(new PartialDate(truth.year(), truth.day(), truth.month()));
      }
    }
  }

  @Property(tries = 30)
  void namesWithoutInjectedErrorsAreTheTrueNameInTheListsStyle(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int list) {
    Scenario s = Scenario.defaults();
    ListSpec spec = s.lists().get(list);
    PopulationGenerator people = new PopulationGenerator(s, seed);
    RecordRenderer r = new RecordRenderer(spec, s.maxInterviewDelayDays());
    UniformRandomProvider rng = RandomStreams.render(seed, list);
    for (int i = 0; i < 300; i++) {
      Person p = people.next();
      Rendered out = r.render(p, rng);
      assertThat(spec.nameStyles()).containsKey(out.style());
      if (!out.injected().isEmpty()) {
        continue;
      }
      String name =
          spec.headers().splitName()
              ? out.cells().get(0) + " " + out.cells().get(1)
              : out.cells().get(0);
      KoreanName n = p.name();
      Surname sn = n.surname();
      switch (out.style()) {
        case ROK_HANGUL -> assertThat(name).isEqualTo(n.rokHangul());
        case DPRK_HANGUL -> assertThat(name).isEqualTo(n.dprkHangul());
        case HANJA_SURNAME -> assertThat(name).isEqualTo(sn.hanja() + n.rokGiven());
        case DPRK_ROMAN ->
            assertThat(name)
                .isEqualTo(
                    Romanizer.surname(sn.dprk(), Romanizer.Scheme.DPRK)
                        + " "
                        + Romanizer.given(n.given(), Romanizer.Scheme.DPRK, " ", true));
        case MCCUNE_REISCHAUER ->
            assertThat(name)
                .isEqualTo(
                    Romanizer.surname(sn.rok(), Romanizer.Scheme.MR)
                        + " "
                        + Romanizer.given(n.given(), Romanizer.Scheme.MR, "-", false));
        case REVISED ->
            assertThat(name.replace("-", ""))
                .isEqualTo(
                    Romanizer.surname(sn.rok(), Romanizer.Scheme.RR)
                        + " "
                        + Romanizer.given(n.rokGiven(), Romanizer.Scheme.RR, "", false));
        case PASSPORT ->
            assertThat(sn.passport().items()).contains(Romanizer.capitalise(name.split(" ")[0]));
        case PINYIN -> assertThat(name).startsWith(sn.pinyin() + " ");
      }
    }
  }

  @Property(tries = 30)
  void sexAndPlaceAreWrittenInTheListsVocabulary(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int list) {
    Scenario s = Scenario.defaults();
    ListSpec spec = s.lists().get(list);
    HeaderSet h = spec.headers();
    int sexColumn = h.splitName() ? 2 : 1;
    PopulationGenerator people = new PopulationGenerator(s, seed);
    RecordRenderer r = new RecordRenderer(spec, s.maxInterviewDelayDays());
    UniformRandomProvider rng = RandomStreams.render(seed, list);
    List<String[]> provinces = Tsv.read("provinces.tsv", PlaceStyle.values().length + 1);
    for (int i = 0; i < 300; i++) {
      Person p = people.next();
      Rendered out = r.render(p, rng);
      assertThat(out.cells()).hasSize(h.columns().size() - 1);
      String sex = out.cells().get(sexColumn);
      assertThat(sex).isIn("", h.sex(Sex.FEMALE), h.sex(Sex.MALE));
      if (!sex.isEmpty()) {
        assertThat(Sex.parse(sex)).contains(p.sex());
      }
      String place = out.cells().get(sexColumn + 2);
      if (!place.isEmpty()) {
        Set<String> variants = new HashSet<>();
        for (String[] row : provinces) {
          if (row[0].equals(p.province().name())) {
            for (int k = 1; k < row.length; k++) {
              variants.addAll(List.of(row[k].split(";")));
            }
          }
        }
        assertThat(variants).contains(place);
      }
      assertThat(out.cells().get(out.cells().size() - 1)).contains("synthetic");
    }
  }
}
