package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HangulTest {

  @Property
  void decomposingAndComposingGivesTheSyllableBack(
      @ForAll @CharRange(from = '\uAC00', to = '\uD7A3') char c) {
    assertThat(Hangul.compose(Hangul.initial(c), Hangul.vowel(c), Hangul.fin(c))).isEqualTo(c);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    // KOREAN-NAMES.md, "The initial-sound rule": 李 리→이, 柳 류→유, 羅 라→나, 林 림→임, 梁 량→양,
    // 盧 로→노, 呂 려→여, 廉 렴→염, 龍 룡→용, 陸 륙→육; ㄴ before i/y: 녀→여.
    "리, 이",
    "류, 유",
    "라, 나",
    "림, 임",
    "량, 양",
    "로, 노",
    "려, 여",
    "렴, 염",
    "룡, 용",
    "륙, 육",
    "녀자, 여자",
    "련희, 연희",
    "룡철, 용철",
    "김, 김",
    "순희, 순희"
  })
  void southKoreanSpellingDropsTheInitialR(String dprk, String rok) {
    assertThat(Hangul.southernInitial(dprk)).isEqualTo(rok);
  }
}
