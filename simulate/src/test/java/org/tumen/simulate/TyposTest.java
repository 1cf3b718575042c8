package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

class TyposTest {

  @Provide
  Arbitrary<String> hangulNames() {
    return Arbitraries.strings().withCharRange('\uAC00', '\uD7A3').ofMinLength(1).ofMaxLength(4);
  }

  @Property
  void hangulTyposStayHangulAndChangeTheName(
      @ForAll("hangulNames") String name, @ForAll long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    String typo = Typos.apply(name, rng);
    assertThat(Hangul.allSyllables(typo)).isTrue();
    // A swap of two equal syllables is the only typo that can leave the text as it was.
    if (typo.equals(name)) {
      assertThat(name.chars().distinct().count()).isLessThan(name.length());
    }
  }

  @Provide
  Arbitrary<String> latinNames() {
    return Arbitraries.of(
        "Kim", "Lee", "Park", "Sun-hui", "Ch'oe", "Yi Sun-hŭi", "Ri Sun Hui", "O");
  }

  @Property
  void latinTyposAreSmallAndKeepTheCapital(@ForAll("latinNames") String name, @ForAll long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    String typo = Typos.apply(name, rng);
    assertThat(typo).isNotBlank();
    assertThat(Math.abs(typo.length() - name.length())).isLessThanOrEqualTo(2);
    assertThat(Character.isUpperCase(typo.charAt(0))).isTrue();
  }
}
