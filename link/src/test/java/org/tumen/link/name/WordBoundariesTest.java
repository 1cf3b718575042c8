package org.tumen.link.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wrong splits of romanized names, as the missed pairs show them ("Yong JunK im"), and
 * names whose capitals are all at word starts, which are left alone.
 */
class WordBoundariesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Yong JunK im, Yong Jun Kim",
    "Sunhy eIm, Sunhye Im",
    "Ki mUil, Kim Uil",
    "KimY ong Jun, Kim Yong Jun",
    "SinOk-hyon, Sin Ok-hyon",
    "YiChin-hui, Yi Chin-hui",
    "aBk Ok Jin, Bak Ok Jin",
    "oSng Min Seo, Song Min Seo",
    "Son gChoe, Song Choe",
    "Kim Yong-jun, Kim Yong-jun",
    "Ch'oe Ch'Ol Ch'Un, Ch'oe Ch'Ol Ch'Un",
    "KIM YONG JUN, KIM YONG JUN",
    "kim yong jun, kim yong jun",
  })
  void capitalsShowTheWords(String written, String repaired) {
    assertThat(WordBoundaries.repaired(written)).isEqualTo(repaired);
  }

  /** The standardiser reads a wrongly split name as the name. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"Yong JunK im, Kim Yong Jun", "aBk Ok Jin, Pak Ok-jin", "SinOk-hyon, 신옥현"})
  void standardisedAlike(String written, String same) {
    NameStandardiser s = new NameStandardiser();
    StandardName a = s.full(written);
    StandardName b = s.full(same);
    assertThat(a.surname()).isEqualTo(b.surname());
    assertThat(a.given()).isEqualTo(b.given());
  }
}
