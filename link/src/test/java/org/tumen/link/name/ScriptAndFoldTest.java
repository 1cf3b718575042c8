package org.tumen.link.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Script detection after NFKC, and the text folding the standardisers share. */
class ScriptAndFoldTest {

  private final NameStandardiser names = new NameStandardiser();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "리순희; HANGUL",
        "李순희; HANJA_HANGUL",
        "李順姬; HANJA", // traditional forms
        "金英; HANJA", // forms shared by both scripts: read as Hanja
        "朴英花; HANJA", // 朴 is the Korean surname, not the simplified form of 樸
        "金顺姬; HAN_CHINESE", // 顺 exists only in simplified Chinese
        "Ri Sun Hui; LATIN",
        "Ｋｉｍ　Ｓｕｎｈｕｉ; LATIN", // full-width letters and space, folded by NFKC
        "Kim 순희; MIXED",
        "Иван Ким; MIXED",
        "123 -- ?; NONE",
      })
  void detectsScript(String text, Script script) {
    assertThat(names.full(text).script()).isEqualTo(script);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Ch'oe; choe",
        "Sun-hŭi; sunhui",
        "Hamgyŏng-Pukto; hamgyongpukto",
        "Ｌｅｅ; lee",
        "Søren Æbelø; sorenaebelo",
        "리순희; ''", // letters of other scripts are dropped
      })
  void asciiKey(String text, String key) {
    assertThat(TextFold.asciiKey(text)).isEqualTo(key);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'  Hamgyŏng-Pukto  '; hamgyong pukto",
        "함경 북도; 함경 북도",
        "'North   Hamgyong, Province.'; north hamgyong province",
      })
  void words(String text, String folded) {
    assertThat(TextFold.words(text)).isEqualTo(folded);
  }
}
