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
    "19800000, 19750000, 9, years five apart",
    "19750309, 19770000, 5, years two apart, one date partial",
    "19770000, 19750000, 5, years two apart, both partial",
    "19750309, 19760309, 6, same day and month, years one apart",
    "19790309, 19800309, 6, same day and month, years one apart across a decade",
    "19750309, 19770309, 7, same day and month, years two apart",
    "19750309, 19780309, 1, years three apart in one digit: a keying error",
    "19750309, 19880309, 10, same day and month, years far apart in two digits",
    "19750309, 19751127, 8, same year but both months known and different",
    "19750309, 19750327, 8, same month but days far apart",
    "19750309, 19800000, 9, different years",
    "19750309, 19761127, 10, full dates a year apart, other month and day",
    "19750309, 19800500, 9, different years, one date without a day",
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

  /**
   * Given-name levels: 0 exact, 1 variant, 2 reordered, 3 similar ≥ 0.94 or one keying error, 5
   * different.
   */
  @ParameterizedTest(name = "{0} vs {1} -> level {2} ({3})")
  @CsvSource({
    "김순희, 김순희, 0, same name",
    "김순희, Kim Sun-hui, 1, Hangul and a romanization",
    "Kim Sun-hui, Kim Son-hui, 1, two romanizations that write a vowel two ways",
    "김순희, 김선희, 3, two Hangul names that differ in one vowel are two names or a typo",
    "Jin Choljun, Jin Choljum, 3, one keying error",
    "김순희, 김영철, 5, different names",
    "박정순, 朴순정, 2, syllables in the other order across scripts",
    "김경민, 김민경, 2, syllables in the other order",
    "Hwang Min-guk, 황국민, 2, a romanization against Hangul in the other order",
    "Kim Sun-hui, Kim Hui-son, 2, o/u spellings of syllables in the other order",
    "김경민, 김경민, 0, the same order is not reordered",
    "김경민, 김민수, 5, one syllable shared is not reordered",
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
   * Surname levels: 1 variant, 4 one keying error (in the keys, or from a spelling), 5 different.
   */
  @ParameterizedTest(name = "{0} vs {1} -> level {2} ({3})")
  @CsvSource({
    "이옥향, Li Okhyang, 1, pinyin of the same surname",
    "이옥향, Lo Okhyang, 4, Lo is one error from Li, a spelling of 이",
    "이성호, Kee Sungho, 4, Kee (기) is one error from Lee: a typo that spells another surname",
    "서순경, 성순경, 4, a final dropped: 서 and 성 are one confusion apart",
    "서순경, Sung Sun Gyong, 4, the same against a romanization of 성",
    "이옥향, Pak Okhyang, 5, different surnames",
  })
  void surnameLevels(String a, String b, int level, String why) {
    List<String> headers = List.of("id", "name");
    SourceTable t = new SourceTable("list", headers, List.of(List.of("1", a), List.of("2", b)));
    List<SourceTable> tables = List.of(t);
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    assertThat(new Comparison(rs).level(rs.surnameField, 0, 1)).as(why).isEqualTo(level);
    assertThat(new Comparison(rs).level(rs.surnameField, 1, 0)).as(why).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} vs {1} -> level {2}")
  @CsvSource({
    "2003, 2003, 0",
    "2003, 2004, 1",
    "2004, 2003, 1",
    "2001, 2003, 2",
    "2000, 2003, 3",
    "1950, 2003, 3",
  })
  void yearLevels(int a, int b, int level) {
    assertThat(Comparison.year(a, b)).isEqualTo(level);
    assertThat(Comparison.year(b, a)).isEqualTo(level);
  }

  /**
   * Place levels: 0 the same province or text, 1 two places the gazetteer lacks that sound alike, 2
   * different. Spellings from the missed pairs (Hamkyung Bukdo, N. Hamgyong) and ones no
   * table lists.
   */
  @ParameterizedTest(name = "{0} vs {1} -> level {2} ({3})")
  @CsvSource({
    "Hamgyongbuk-do, Hamkyung Bukdo, 0, a spelling one letter from a table spelling",
    "Hamkyung Bukdo, N. Hamgyong, 0, the same province in English",
    "함경북도, Hamkyung Bukdo, 0, Hangul against an unknown romanization",
    "Ryanggang-do, Yanggang Province, 0, ROK and DPRK spellings",
    "Hamkyung Bukdo, Hamkyung Namdo, 2, north and south are two provinces",
    "North Hamgyong, South Hamgyong, 2, two provinces with similar names",
    "Kumgol-ri, Kumkkol-ri, 1, a village the table lacks spelt two ways",
    "남양리, Namyangri, 1, Hangul and romanization of a place the table lacks",
    "Namyang-ri, Namyang ri, 0, the same text once punctuation is folded",
    "Namyang-ri, Namyangri, 1, the same key, spaced otherwise",
    "Yanbian, Pyongyang, 2, different places",
  })
  void placeLevels(String a, String b, int level, String why) {
    List<String> headers = List.of("id", "birthplace");
    SourceTable t = new SourceTable("list", headers, List.of(List.of("1", a), List.of("2", b)));
    List<SourceTable> tables = List.of(t);
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    int f = rs.fields.indexOf(new Field(FieldSpec.PLACE, Field.Kind.PLACE));
    assertThat(new Comparison(rs).level(f, 0, 1)).as(why).isEqualTo(level);
    assertThat(new Comparison(rs).level(f, 1, 0)).as(why).isEqualTo(level);
  }
}
