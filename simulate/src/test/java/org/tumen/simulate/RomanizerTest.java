package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference spellings from /work/shared/KOREAN-NAMES.md unless a row says otherwise. */
class RomanizerTest {

  @ParameterizedTest(name = "{0} → DPRK {1}")
  @CsvSource({
    // KOREAN-NAMES.md, "Romanization systems": given-name syllables apart and capitalised.
    "박, 동구, Pak Tong Gu",
    "안, 복철, An Pok Chol",
    // KOREAN-NAMES.md, "Why it is hard": Ri Sun Hui; surname table: Ri, Ryu, Rim, Ra.
    "리, 순희, Ri Sun Hui",
    "류, 경, Ryu Kyong",
    "림, 영남, Rim Yong Nam",
    "라, 명철, Ra Myong Chol",
    // Spellings published by KCNA for these well-known names (the system's practice; "Kim Il Sung"
    // is a traditional spelling the system keeps as an exception, so it is not a test case).
    "김, 정은, Kim Jong Un",
    "현, 영철, Hyon Yong Chol",
    "최, 룡해, Choe Ryong Hae",
    "리, 설주, Ri Sol Ju",
    "장, 성택, Jang Song Thaek"
  })
  void dprkSystem(String surname, String given, String expected) {
    String written =
        Romanizer.surname(surname, Romanizer.Scheme.DPRK)
            + " "
            + Romanizer.given(given, Romanizer.Scheme.DPRK, " ", true);
    assertThat(written).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → RR {1}")
  @CsvSource({
    // KOREAN-NAMES.md: 김 Gim, 박 Bak, 이 I, 최 Choe, 정 Jeong, 유 Yu, 임 Im, 나 Na; 김정은 Gim Jeong-eun.
    "김, 정은, -, Gim Jeong-eun",
    "이, 순희, '', I Sunhui",
    "이, 순희, -, I Sun-hui",
    "박, 동구, '', Bak Donggu",
    "최, 영철, '', Choe Yeongcheol",
    "정, 미영, '', Jeong Miyeong",
    "유, 경, '', Yu Gyeong",
    "임, 옥순, -, Im Ok-sun",
    "나, 명희, -, Na Myeong-hui",
    // RR rule 3.1 example: 한복남 Han Boknam (no assimilation in names).
    "한, 복남, '', Han Boknam"
  })
  void revised(String surname, String given, String sep, String expected) {
    String written =
        Romanizer.surname(surname, Romanizer.Scheme.RR)
            + " "
            + Romanizer.given(given, Romanizer.Scheme.RR, sep, false);
    assertThat(written).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → MR {1}")
  @CsvSource({
    // KOREAN-NAMES.md: Yi Sun-hŭi; library MR writes 李 as Yi, 柳 Yu, 羅 Na; 최 Ch'oe, 정 Chŏng.
    "이, 순희, Yi Sun-hŭi",
    "유, 경희, Yu Kyŏng-hŭi",
    "나, 영철, Na Yŏng-ch'ŏl",
    "최, 명숙, Ch'oe Myŏng-suk",
    "정, 동구, Chŏng Tong-gu",
    // Well-known MR spellings: Kim Tae-jung (김대중), Pak Chŏng-hŭi (박정희), Kim Il-sŏng,
    // Hong Kil-tong (ㄷ after ㄹ is not voiced).
    "김, 대중, Kim Tae-jung",
    "박, 정희, Pak Chŏng-hŭi",
    "김, 일성, Kim Il-sŏng",
    "홍, 길동, Hong Kil-tong"
  })
  void mccuneReischauer(String surname, String given, String expected) {
    String written =
        Romanizer.surname(surname, Romanizer.Scheme.MR)
            + " "
            + Romanizer.given(given, Romanizer.Scheme.MR, "-", false);
    assertThat(written).isEqualTo(expected);
  }

  @ParameterizedTest(name = "two-syllable surname {0}")
  @CsvSource({
    "남궁, Namgung, Namgung, Namgung",
    "황보, Hwangbo, Hwangbo, Hwangbo",
    "제갈, Jegal, Chegal, Jegal",
    "선우, Seonu, Sŏnu, Sonu",
    "독고, Dokgo, Tokko, Tokko",
    "사공, Sagong, Sagong, Sagong"
  })
  void twoSyllableSurnamesStayOneWord(String hangul, String rr, String mr, String dprk) {
    assertThat(Romanizer.surname(hangul, Romanizer.Scheme.RR)).isEqualTo(rr);
    assertThat(Romanizer.surname(hangul, Romanizer.Scheme.MR)).isEqualTo(mr);
    assertThat(Romanizer.surname(hangul, Romanizer.Scheme.DPRK)).isEqualTo(dprk);
  }
}
