package org.tumen.link.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Given-name similarity across scripts and spellings. The thresholds bracket what each component of
 * {@link NameSimilarity} must give; the forms come from KOREAN-NAMES.md and the passport spellings
 * the simulator uses.
 */
class NameSimilarityTest {

  private final NameStandardiser names = new NameStandardiser();

  @ParameterizedTest(name = "[{index}] {0} ~ {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "리순희; Lee Soon-hee; 1.0", // one key
        "이순희; Yi Sun-hŭi; 1.0",
        "김선화; Kim Sun-hwa; 0.95", // passport u for ㅓ: equal coarse keys
        "정혜숙; Jung Hae-suk; 0.95", // 혜 written Hae: glide dropped by the coarse key
        "李順姬; Li Shunji; 0.95", // Hanja against pinyin: plain forms equal
        "朴英花; Piao Yinghua; 0.95",
        "김순희; Kim Sunhwi; 0.85", // a typo: Jaro–Winkler
      })
  void similarAcrossScripts(String a, String b, double atLeast) {
    assertThat(NameSimilarity.given(names.full(a), names.full(b))).isGreaterThanOrEqualTo(atLeast);
  }

  @ParameterizedTest(name = "[{index}] {0} ~ {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "김순희; 김철수; 0.6",
        "Ri Sun Hui; Ri Yong Chol; 0.6",
        "김영희; 김희영; 0.8", // the same syllables in the other order are not the same name
        "Jessica Smith; Michael Smith; 0.6",
      })
  void differentNamesScoreLow(String a, String b, double below) {
    assertThat(NameSimilarity.given(names.full(a), names.full(b))).isLessThan(below);
  }

  @Test
  void syllableAlignmentRewardsSharedSyllables() {
    // 순희 vs 순이: one syllable equal, the other close
    double s = NameSimilarity.given(names.full("김순희"), names.full("김순이"));
    assertThat(s).isBetween(0.7, 0.99);
  }

  @Test
  void missingGivenNameScoresZero() {
    assertThat(NameSimilarity.given(names.full("김"), names.full("김순희"))).isZero();
    assertThat(NameSimilarity.surname(names.parts("", "순희"), names.full("김순희"))).isZero();
  }

  @ParameterizedTest(name = "[{index}] {0} ~ {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Lee; 李; 1.0",
        "Rhee; 리; 1.0",
        "Smith; Smyth; 0.85",
        "Choi; Hcoi; 0.8", // a keying error against a table key
        "Quan; 전; 0.9", // pinyin of 全: the table gives Quan to 權 (kwon), 전 is its alternative
        "Jin; 陳; 0.9", // pinyin Jin is 金 first, 陳 second
        "Bai; 배; 0.9",
      })
  void surnames(String a, String b, double atLeast) {
    assertThat(NameSimilarity.surname(names.parts(a, ""), names.parts(b, "")))
        .isGreaterThanOrEqualTo(atLeast);
  }
}
