package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Month;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.tumen.model.DprkProvince;
import org.tumen.model.Sex;

class PopulationTest {

  @Property(tries = 20)
  void everyNameIsValidHangulAndEveryDateInTheScenario(@ForAll long seed) {
    Scenario s = Scenario.defaults();
    PopulationGenerator g = new PopulationGenerator(s, seed);
    for (int i = 0; i < 500; i++) {
      Person p = g.next();
      assertThat(Hangul.allSyllables(p.name().dprkHangul())).isTrue();
      assertThat(Hangul.allSyllables(p.name().rokHangul())).isTrue();
      assertThat(p.name().given().length()).isBetween(1, 2);
      assertThat(p.crossing().getYear()).isBetween(1997, 2004);
      int age = p.crossing().getYear() - p.birth().getYear();
      assertThat(age).isBetween(11, 77);
      assertThat(p.id()).matches("P[0-9a-f]{8}");
    }
  }

  @Test
  void populationFollowsTheScenarioShares() {
    Scenario s = Scenario.defaults();
    PopulationGenerator g = new PopulationGenerator(s, 7);
    int n = 40_000;
    int women = 0;
    int kim = 0;
    int winter = 0;
    Map<DprkProvince, Integer> provinces = new EnumMap<>(DprkProvince.class);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Person p = g.next();
      ids.add(p.id());
      women += p.sex() == Sex.FEMALE ? 1 : 0;
      kim += p.name().surname().rok().equals("김") ? 1 : 0;
      Month m = p.crossing().getMonth();
      winter += m == Month.DECEMBER || m == Month.JANUARY || m == Month.FEBRUARY ? 1 : 0;
      provinces.merge(p.province(), 1, Integer::sum);
    }
    assertThat(ids).hasSize(n);
    assertThat(women / (double) n).isCloseTo(0.6, within(0.015));
    // surnames.tsv: 김 21.5 of 100.3 percent in all.
    double kimShare = 21.5 / NameGenerator.SURNAMES.stream().mapToDouble(Surname::share).sum();
    assertThat(kim / (double) n).isCloseTo(kimShare, within(0.01));
    // Dec-Feb weights 4.7 of 12.0: winter crossings are over a third, not a quarter.
    assertThat(winter / (double) n).isCloseTo(4.7 / 12.0, within(0.015));
    assertThat(provinces.get(DprkProvince.NORTH_HAMGYONG) / (double) n)
        .isCloseTo(0.5, within(0.015));
  }

  @Test
  void sameSeedSamePeople() {
    Scenario s = Scenario.defaults();
    PopulationGenerator a = new PopulationGenerator(s, 42);
    PopulationGenerator b = new PopulationGenerator(s, 42);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void surnameTableKeepsTwoSyllableSurnamesAndTheNorthernForms() {
    assertThat(NameGenerator.SURNAMES)
        .extracting(Surname::rok)
        .contains("남궁", "황보", "제갈", "선우", "독고", "사공");
    Surname lee =
        NameGenerator.SURNAMES.stream().filter(x -> x.hanja().equals("李")).findFirst().get();
    assertThat(lee.dprk()).isEqualTo("리");
    assertThat(lee.rok()).isEqualTo("이");
    assertThat(lee.pinyin()).isEqualTo("Li");
  }
}
