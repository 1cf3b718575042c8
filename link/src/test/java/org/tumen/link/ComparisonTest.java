package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agreement levels of dates, codes and given names, case by case. */
class ComparisonTest {

  @ParameterizedTest(name = "{0} vs {1} -> level {2} ({3})")
  @CsvSource({
    "19750309, 19750309, 0, same day",
    "19750309, 19750308, 1, one digit of the day",
    "19750309, 19750903, 1, day and month swapped",
    "19750309, 19850309, 1, one digit of the year",
    "19750309, 19750300, 2, same month and one has no day",
    "19750309, 19750000, 3, same year and one has only the year",
    "19750000, 19760000, 4, years one apart (ages)",
    "19750309, 19760000, 4, a year one off a full date",
    "19750309, 19751127, 5, same year but both months known and different",
    "19750309, 19750327, 5, same month but days far apart",
    "19750309, 19800000, 6, different years",
    "19750309, 19761127, 7, full dates a year apart",
    "19750309, 19800500, 6, different years, one date without a day",
  })
  void dateLevels(int a, int b, int level, String why) {
    assertThat(Comparison.date(a, b)).as(why).isEqualTo(level);
    assertThat(Comparison.date(b, a)).as("symmetric: " + why).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
    "4066625, 4066625, true",
    "4066625, 4066624, true",
    "4066625, 4066652, true",
    "4066625, 406625, true",
    "4066625, 40666255, true",
    "4066625, 4066000, false",
    "4066625, 6406625, false",
  })
  void oneEdit(String a, String b, boolean expected) {
    assertThat(Comparison.oneEdit(a.toCharArray(), b.toCharArray())).isEqualTo(expected);
    assertThat(Comparison.oneEdit(b.toCharArray(), a.toCharArray())).isEqualTo(expected);
  }

  /** Given-name levels: 0 exact, 1 variant, 2 similar ≥ 0.94 or one keying error, 4 different. */
  @ParameterizedTest(name = "{0} vs {1} -> level {2} ({3})")
  @CsvSource({
    "김순희, 김순희, 0, same name",
    "김순희, Kim Sun-hui, 1, Hangul and a romanization",
    "Kim Sun-hui, Kim Son-hui, 1, two romanizations that write a vowel two ways",
    "김순희, 김선희, 2, two Hangul names that differ in one vowel are two names or a typo",
    "Jin Choljun, Jin Choljum, 2, one keying error",
    "김순희, 김영철, 4, different names",
  })
  void givenLevels(String a, String b, int level, String why) {
    List<String> headers = List.of("id", "name");
    SourceTable t = new SourceTable("list", headers, List.of(List.of("1", a), List.of("2", b)));
    List<SourceTable> tables = List.of(t);
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    assertThat(new Comparison(rs).level(rs.givenField, 0, 1)).as(why).isEqualTo(level);
    assertThat(new Comparison(rs).level(rs.givenField, 1, 0)).as(why).isEqualTo(level);
  }

  /** A full name read with the other word as surname still agrees on both names, as a variant. */
  @org.junit.jupiter.api.Test
  void nameReadInTheOtherOrder() {
    List<String> headers = List.of("id", "name");
    SourceTable t =
        new SourceTable(
            "list",
            headers,
            List.of(List.of("1", "Jong Ho Kang"), List.of("2", "강정호"), List.of("3", "정호강")));
    List<SourceTable> tables = List.of(t);
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    long p = new Comparison(rs).pattern(0, 1);
    assertThat(Comparison.level(p, rs.surnameField)).isEqualTo(1);
    assertThat(Comparison.level(p, rs.givenField)).isEqualTo(1);
    long q = new Comparison(rs).pattern(1, 2); // 정호강: 강정호 written given name first
    assertThat(Comparison.level(q, rs.surnameField)).isEqualTo(1);
  }

  /**
   * Surname levels: 1 variant, 3 one keying error (in the keys, or from a spelling), 4 different.
   */
  @ParameterizedTest(name = "{0} vs {1} -> level {2} ({3})")
  @CsvSource({
    "이옥향, Li Okhyang, 1, pinyin of the same surname",
    "이옥향, Lo Okhyang, 3, Lo is one error from Li, a spelling of 이",
    "이성호, Kee Sungho, 3, Kee (기) is one error from Lee: a typo that spells another surname",
    "서순경, 성순경, 3, a final dropped: 서 and 성 are one confusion apart",
    "서순경, Sung Sun Gyong, 3, the same against a romanization of 성",
    "이옥향, Pak Okhyang, 4, different surnames",
  })
  void surnameLevels(String a, String b, int level, String why) {
    List<String> headers = List.of("id", "name");
    SourceTable t = new SourceTable("list", headers, List.of(List.of("1", a), List.of("2", b)));
    List<SourceTable> tables = List.of(t);
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    assertThat(new Comparison(rs).level(rs.surnameField, 0, 1)).as(why).isEqualTo(level);
    assertThat(new Comparison(rs).level(rs.surnameField, 1, 0)).as(why).isEqualTo(level);
  }
}
