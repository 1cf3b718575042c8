package org.tumen.link.place;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.tumen.model.DprkProvince;

/**
 * Province spellings as lists write them (helper rules: 함경북도, North Hamgyong, Hamgyongbuk-do, N.
 * Hamgyong, 咸镜北道); romanizations after McCune–Reischauer (Hamgyŏng-pukto), the DPRK system
 * (Hamgyong-bukto) and RR (Hamgyeongbuk-do); ROK spellings of DPRK names after the initial-sound
 * rule (양강도 for 량강도, 나선 for 라선, KOREAN-NAMES.md).
 */
class GazetteerTest {

  private final Gazetteer gazetteer = new Gazetteer();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "함경북도; NORTH_HAMGYONG",
        "함북; NORTH_HAMGYONG",
        "함경 북도; NORTH_HAMGYONG",
        "North Hamgyong; NORTH_HAMGYONG",
        "north hamgyong province; NORTH_HAMGYONG",
        "N. Hamgyong; NORTH_HAMGYONG",
        "Hamgyong North; NORTH_HAMGYONG",
        "Hamgyongbuk-do; NORTH_HAMGYONG",
        "Hamgyŏng-pukto; NORTH_HAMGYONG",
        "Hamgyong-bukto; NORTH_HAMGYONG",
        "Hamgyeongbuk-do; NORTH_HAMGYONG",
        "咸镜北道; NORTH_HAMGYONG",
        "咸鏡北道; NORTH_HAMGYONG",
        "함경남도; SOUTH_HAMGYONG",
        "S. Hamgyong; SOUTH_HAMGYONG",
        "Hamgyŏng-namdo; SOUTH_HAMGYONG",
        "咸镜南道; SOUTH_HAMGYONG",
        "량강도; RYANGGANG",
        "양강도; RYANGGANG",
        "Ryanggang; RYANGGANG",
        "Yanggang-do; RYANGGANG",
        "Ryanggang Province; RYANGGANG",
        "Ryanggang Prov.; RYANGGANG",
        "Kangwŏn-do; KANGWON",
        "Rasŏn; RASON",
        "Rajin-Sonbong; RASON",
        "나선특별시; RASON",
        "Naseon; RASON",
        "两江道; RYANGGANG",
        "兩江道; RYANGGANG",
        "자강도; CHAGANG",
        "Chagang; CHAGANG",
        "Jagang-do; CHAGANG",
        "慈江道; CHAGANG",
        "평안북도; NORTH_PYONGAN",
        "North P'yŏngan; NORTH_PYONGAN",
        "Pyeonganbuk-do; NORTH_PYONGAN",
        "平安北道; NORTH_PYONGAN",
        "평안남도; SOUTH_PYONGAN",
        "South Phyongan; SOUTH_PYONGAN",
        "황해북도; NORTH_HWANGHAE",
        "Hwanghaebuk-do; NORTH_HWANGHAE",
        "黄海北道; NORTH_HWANGHAE",
        "황해남도; SOUTH_HWANGHAE",
        "S Hwanghae; SOUTH_HWANGHAE",
        "강원도; KANGWON",
        "Kangwon; KANGWON",
        "Gangwon-do; KANGWON",
        "江原道; KANGWON",
        "평양; PYONGYANG",
        "평양시; PYONGYANG",
        "평양직할시; PYONGYANG",
        "Pyongyang; PYONGYANG",
        "P'yŏngyang; PYONGYANG",
        "Pyeongyang; PYONGYANG",
        "Pyongyang City; PYONGYANG",
        "平壤; PYONGYANG",
        "平壤市; PYONGYANG",
        "라선; RASON",
        "나선; RASON",
        "Rason; RASON",
        "Rason Special City; RASON",
        "罗先; RASON",
        "남포; NAMPO",
        "Namp'o; NAMPO",
        "Nampho; NAMPO",
        "南浦市; NAMPO",
      })
  void recognisesVariants(String text, DprkProvince expected) {
    assertThat(gazetteer.canonical(text)).isEqualTo(expected.name());
    assertThat(gazetteer.province(text)).contains(expected);
  }

  /** Cities people give instead of their province. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "청진; NORTH_HAMGYONG",
        "청진시; NORTH_HAMGYONG",
        "Chongjin; NORTH_HAMGYONG",
        "Ch'ŏngjin City; NORTH_HAMGYONG",
        "清津; NORTH_HAMGYONG",
        "회령시; NORTH_HAMGYONG",
        "Hoeryŏng; NORTH_HAMGYONG",
        "무산; NORTH_HAMGYONG",
        "함흥; SOUTH_HAMGYONG",
        "Hamhŭng; SOUTH_HAMGYONG",
        "咸兴市; SOUTH_HAMGYONG",
        "혜산시; RYANGGANG",
        "Hyesan; RYANGGANG",
        "惠山; RYANGGANG",
        "강계; CHAGANG",
        "신의주; NORTH_PYONGAN",
        "Sinŭiju; NORTH_PYONGAN",
        "新义州; NORTH_PYONGAN",
        "평성; SOUTH_PYONGAN",
        "사리원; NORTH_HWANGHAE",
        "해주; SOUTH_HWANGHAE",
        "원산; KANGWON",
        "Wonsan; KANGWON",
      })
  void recognisesCities(String text, DprkProvince expected) {
    assertThat(gazetteer.canonical(text)).isEqualTo(expected.name());
  }

  /** The model's own Hangul and English names are recognised for every province. */
  @ParameterizedTest
  @EnumSource(DprkProvince.class)
  void modelNames(DprkProvince p) {
    assertThat(gazetteer.canonical(p.hangul())).isEqualTo(p.name());
    assertThat(gazetteer.canonical(p.english())).isEqualTo(p.name());
    assertThat(gazetteer.canonical(p.english().toUpperCase())).isEqualTo(p.name());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'  Yanbian, Jilin! '; yanbian jilin",
        "Hamgyong; hamgyong", // north or south unknown: not guessed
        "Shenyang; shenyang",
        "연변; 연변",
        "''; ''",
        "Sŏul-T'ŭkpyŏlsi; soul t ukpyolsi",
      })
  void unknownTextIsFolded(String text, String folded) {
    assertThat(gazetteer.canonical(text)).isEqualTo(folded);
  }

  /**
   * The phonetic key of a place: romanization differences folded, Hangul read in the canonical
   * romanization, so that spellings of a place the table does not know still meet.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'  Yanbian, Jilin! '; yanpianjirin",
        "Hamgyong; hamkyong",
        "연변; yonpyon",
        "Yŏnbyŏn; yonpyon",
        "''; ''",
        "Sŏul-T'ŭkpyŏlsi; sourtukpyorsi",
        "延边; 延边",
      })
  void unknownPlacesHaveAPhoneticKey(String text, String key) {
    assertThat(Gazetteer.key(text)).isEqualTo(key);
  }

  /**
   * The gazetteer is help, not a gate: a spelling one edit (two in long keys; none below eight
   * letters) from exactly one province's table spellings is read as that province; one as near to
   * two provinces is not.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Hamkyung Bukdo; NORTH_HAMGYONG",
        "Hamkyung Namdo; SOUTH_HAMGYONG",
        "Hamgyoungbuk-do; NORTH_HAMGYONG",
        "Ryangkang-do; RYANGGANG",
        "Pyonggyang; PYONGYANG",
        "North Pyongam; NORTH_PYONGAN",
        "Chaggang-do; CHAGANG",
        "함경북 도; NORTH_HAMGYONG",
        "Hamgyong; hamgyong",
        "Kaesong; NORTH_HWANGHAE",
        "Kusang; kusang", // one letter from Kusong, but too short to guess
      })
  void nearSpellingsAreRead(String text, String expected) {
    assertThat(gazetteer.canonical(text)).isEqualTo(expected);
  }
}
