package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The surname table of KOREAN-NAMES.md ("Surname variants"), row by row: the Hangul forms and Hanja
 * come from surnames.tsv, RR, MR and DPRK spellings from the romanizer, passport spellings and
 * pinyin from the tables.
 */
class SurnameTableTest {

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "김 | 김 | 金 | Kim | Gim | Kim | Kim | Jin",
        "이 | 리 | 李 | Lee Yi Rhee Ri | I | Yi | Ri | Li",
        "박 | 박 | 朴 | Park Pak Bak | Bak | Pak | Pak | Piao",
        "최 | 최 | 崔 | Choi Choe | Choe | Ch'oe | Choe | Cui",
        "정 | 정 | 鄭 | Jung Jeong Chung | Jeong | Chŏng | Jong | Zheng",
        "유 | 류 | 柳 | Ryu Yu Yoo | Yu | Yu | Ryu | Liu",
        "임 | 림 | 林 | Lim Im Yim | Im | Im | Rim | Lin",
        "나 | 라 | 羅 | Na Ra La | Na | Na | Ra | Luo",
      })
  void surnameVariants(
      String rok,
      String dprk,
      String hanja,
      String passport,
      String rr,
      String mr,
      String dprkRoman,
      String pinyin) {
    Surname s =
        NameGenerator.SURNAMES.stream()
            .filter(x -> x.hanja().equals(hanja))
            .findFirst()
            .orElseThrow();
    assertThat(s.rok()).isEqualTo(rok);
    assertThat(s.dprk()).isEqualTo(dprk);
    assertThat(s.passport().items()).containsAll(Arrays.asList(passport.split(" ")));
    assertThat(Romanizer.surname(s.rok(), Romanizer.Scheme.RR)).isEqualTo(rr);
    assertThat(Romanizer.surname(s.rok(), Romanizer.Scheme.MR)).isEqualTo(mr);
    assertThat(Romanizer.surname(s.dprk(), Romanizer.Scheme.DPRK)).isEqualTo(dprkRoman);
    assertThat(s.pinyin()).isEqualTo(pinyin);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // KOREAN-NAMES.md, passport shares: KIM 99.6%, LEE 98.8%, PARK 96.6%, CHOI 94.5%, JUNG 46%.
    "金, Kim, 0.996",
    "李, Lee, 0.988",
    "朴, Park, 0.966",
    "崔, Choi, 0.945",
    "鄭, Jung, 0.46"
  })
  void passportSharesFollowTheReportedFigures(String hanja, String spelling, double share) {
    Surname s =
        NameGenerator.SURNAMES.stream()
            .filter(x -> x.hanja().equals(hanja))
            .findFirst()
            .orElseThrow();
    int i = s.passport().items().indexOf(spelling);
    assertThat(s.passport().probability(i))
        .isCloseTo(share, org.assertj.core.data.Offset.offset(1e-9));
  }
}
