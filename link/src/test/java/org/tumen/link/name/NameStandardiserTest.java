package org.tumen.link.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven tests of the name model. Forms follow KOREAN-NAMES.md: the variant table (ROK/DPRK
 * Hangul, Hanja, passport, RR, MR, DPRK, pinyin), the initial-sound rule, and the DPRK practice of
 * writing given-name syllables apart (박동구 → Pak Tong Gu, 안복철 → An Pok Chol).
 */
class NameStandardiserTest {

  private final NameStandardiser names = new NameStandardiser();

  /** The same person (KOREAN-NAMES.md, "Why it is hard") in every script and system. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "리순희; HANGUL", // DPRK Hangul
        "이순희; HANGUL", // ROK Hangul after the initial-sound rule
        "李순희; HANJA_HANGUL", // Hanja surname, Hangul given name
        "李順姬; HANJA", // Hanja, traditional
        "李顺姬; HAN_CHINESE", // a Chinese document, simplified
        "Ri Sun Hui; LATIN", // DPRK system, syllables apart
        "Yi Sunhui; LATIN", // McCune–Reischauer without breves
        "Yi Sun-hŭi; LATIN", // McCune–Reischauer with breve
        "I Sunhui; LATIN", // Revised Romanization
        "Lee Soon-hee; LATIN", // passport style
        "Sun-hui Ri; LATIN", // western order
        "LEE Soon-hee; LATIN", // capitals mark the surname
        "'Lee, Soon-hee'; LATIN", // comma marks the surname
        "Rhee Sunhee; LATIN", // passport variant of 李
      })
  void onePersonManySpellings(String text, Script script) {
    StandardName n = names.full(text);
    assertThat(n.surname()).isEqualTo("lee");
    assertThat(n.koreanSurname()).isTrue();
    assertThat(n.surnameFrequency()).isEqualTo(0.147);
    assertThat(n.given()).isEqualTo("sunhi");
    assertThat(n.givenSyllables()).containsExactly("sun", "hi");
    assertThat(n.script()).isEqualTo(script);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "박; 동구; park; tonggu", // ROK/DPRK Hangul
        "Pak; Tong Gu; park; tonggu", // DPRK system (KOREAN-NAMES.md example)
        "Park; Dong-gu; park; tonggu", // passport
        "Bak; Donggu; park; tonggu", // RR
        "朴; 東九; park; tonggu", // Hanja
        "안; 복철; ahn; pogjor",
        "An; Pok Chol; ahn; pogjor", // DPRK system (KOREAN-NAMES.md example)
        "Ahn; Bok-cheol; ahn; pogjor", // RR-like passport
        "최; 경화; choi; gyonghwa",
        "Ch'oe; Kyŏng-hwa; choi; gyonghwa", // MR with apostrophe and breve
        "Choi; Kyung-hwa; choi; gyonghwa", // passport writes ㅓ as u
        "Choe; Gyeonghwa; choi; gyonghwa", // RR
        "정; 영희; jung; yonghi",
        "Chŏng; Yŏng-hŭi; jung; yonghi", // MR
        "Jong; Yong Hui; jung; yonghi", // DPRK
        "Jeong; Yeonghui; jung; yonghi", // RR
        "Chung; Young-hee; jung; yonghi", // passport
        "鄭; 英姬; jung; yonghi", // Hanja
        "郑; 英姬; jung; yonghi", // simplified
        "Zheng; Yingji; jung; yingji", // pinyin: given name stays pinyin
        "류; 미옥; yoo; miog", // DPRK keeps ㄹ
        "유; 미옥; yoo; miog", // ROK drops it
        "Ryu; Mi Ok; yoo; miog",
        "Yoo; Mi-ok; yoo; miog",
        "柳; 美玉; yoo; miog",
        "劉; 美玉; yoo; miog", // 劉 is also 유 in ROK Hangul: same key (ambiguity kept)
        "Liu; Meiyu; yoo; meiyu", // pinyin
        "림; 철수; lim; jorsu",
        "Rim; Chol Su; lim; jorsu",
        "Lim; Chul-soo; lim; jorsu",
        "Im; Cheolsu; lim; jorsu",
        "Yim; Cheol-su; lim; jorsu",
        "林; 哲洙; lim; jorsu",
        "Lin; Zhezhu; lim; zhezhu",
        "라; 련희; na; yonhi", // initial-sound rule on the given name too: 련 → 연
        "나; 연희; na; yonhi",
        "Ra; Ryon Hui; na; yonhi",
        "Na; Yeon-hee; na; yonhi",
        "Luo; Lianji; na; ianji", // pinyin read as a romanization; NameSimilarity meets it through
        // pinyin
        "김; 정은; kim; jongun",
        "Gim; Jeong-eun; kim; jongun",
        "Kim; Chŏng-ŭn; kim; jongun",
        "Jin; Zhengen; kim; zhengen", // pinyin of 金
      })
  void surnameAndGivenVariants(String surname, String given, String sKey, String gKey) {
    StandardName n = names.parts(surname, given);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.given()).isEqualTo(gKey);
    assertThat(n.koreanSurname()).isTrue();
  }

  /** Two-syllable surnames are never split (KOREAN-NAMES.md, last line of the variant table). */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "남궁민수; namgung; minsu",
        "南宮民秀; namgung; minsu",
        "황보영; hwangbo; yong",
        "皇甫英; hwangbo; yong",
        "제갈성; jegal; song",
        "선우은숙; seonwoo; unsug",
        "독고영재; dokgo; yongje",
        "사공명; sagong; myong",
        "Namgung Min-su; namgung; minsu",
        "Hwangbo Young; hwangbo; yong",
        "Sunwoo Eun-suk; seonwoo; unsug",
        "Min-su Namgung; namgung; minsu",
      })
  void twoSyllableSurnames(String full, String sKey, String gKey) {
    StandardName n = names.full(full);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.given()).isEqualTo(gKey);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Kim Il Sung; kim; irsung", // passport u for ㅓ: equal to 일성 (irsong) only in the coarse key
        "Il Sung Kim; kim; irsung",
        "O Song Hui; oh; songhi",
        "Pak Chol Ho; park; jorho",
        "Chol Ho Pak; park; jorho",
        "Ok Rim Jo; cho; ogrim", // three words, surname at the back: Jo (2.1%) over Ok (0.05%)
        "Song Ae I; song; ei", // a one-letter word at the back is a syllable (송애이)
        "Myong Hui Ri; lee; myonghi",
        "Yn Jongsok; lee; jongsog", // misspelt surname, read as the commonest one a keying error
        // away
        "Ryonghwan Il; lee; yonghwan", // misspelt surname (Li), joined given name
        "Miin Chunhyang; min; junhyang", // two romanized words: Korean order; Miin is Min misspelt
        "Xu Jin; seo; jin", // two table surnames: front unless the back is far more common
        "Kmi Hyang Ok; kim; hyangog", // a misspelt surname in front (Kim)
        "Mi Suk Pang; bang; misug", // western order, three words
        "Myong Gun Ryang; yang; myonggun", // 명 is a rare surname but a common given syllable
        "Myong Chol Su; myung; jorsu", // and still a surname when nothing else is
        "KIM Chol-ho; kim; jorho",
        "Chol-ho KIM; kim; jorho",
        "Kim, Chol Ho; kim; jorho",
        "김 철호; kim; jorho",
        // Jin at the back is pinyin Kim or Korean 진 (rare): it does not outweigh Hong in front
        "Hong Hye Jin; hong; hyejin",
        "Lim Geum Jin; lim; gumjin",
        "Hye Jin Hong; hong; hyejin",
        "Jin Mi Ran; kim; miran",
      })
  void nameOrder(String full, String sKey, String gKey) {
    StandardName n = names.full(full);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.given()).isEqualTo(gKey);
  }

  /**
   * A surname outside the table one keying error from a table spelling is read as that surname (the
   * commonest, the next one kept as the alternative), in a Korean name only.
   */
  @ParameterizedTest(name = "[{index}] {0} | {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Zhng; Cholguk; jung; jang", // Zheng or Zhang: the commoner first
        "Paio; Soksong; park; baek",
        "Cuii; Sangil; choi; ''",
        "Liangf; Jongchol; yang; ''",
        "Riu; Myong Sun; lee; lim", // Ri + u, Rim or Ryu with one letter wrong: the commonest
        "JEONH; Eun-jung; jung; jeon",
        "긴; 순희; kim; gil", // a final changed
        "바; 선녀; park; bang", // a final dropped
        "랸; 미진; yang; ''", // 량 with a final changed, after the initial-sound rule
        "Kinn; Michael; kinn; ''", // not one error from a table spelling
        "Kin; Mary-Ann; kin; ''", // a western given name: no Korean reading
      })
  void misspeltSurnames(String surname, String given, String sKey, String alternative) {
    StandardName n = names.parts(surname, given);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.surnameAlternative()).isEqualTo(alternative);
  }

  @Test
  void misspeltSurnameInAFullName() {
    assertThat(names.full("Kium Song Chol").surname()).isEqualTo("kim");
    assertThat(names.full("Kium Song Chol").given()).isEqualTo("songjor");
    assertThat(names.full("John Smith").surname()).isEqualTo("smith");
  }

  /** The syllable bag does not depend on which word was read as the surname. */
  @Test
  void syllableBagIgnoresNameOrder() {
    List<String> korean = NameStandardiser.syllableBag(names.full("강정호"));
    assertThat(korean).containsExactly("gang", "ho", "jong");
    assertThat(NameStandardiser.syllableBag(names.full("Jong Ho Kang"))).isEqualTo(korean);
    assertThat(NameStandardiser.syllableBag(names.parts("Gang", "Jeongho"))).isEqualTo(korean);
    assertThat(NameStandardiser.syllableBag(names.full("Jong Suk Ri")))
        .isEqualTo(NameStandardiser.syllableBag(names.full("이정숙")));
    assertThat(NameStandardiser.syllableBag(names.full("John Smith"))).isEmpty();
  }

  /** FEBRL-style western names: case and accent folding only, no Korean reading. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Smith; Jessica; smith; jessica",
        "  O'Brien ; Mary-Ann ; obrien; maryann",
        "MÜLLER; José; muller; jose",
        "smith; michael; smith; michael",
        // FEBRL misspellings split words; a Korean reading would change their keys (regression)
        "ryan; j oel; ryan; joel",
        "ryan; joel; ryan; joel",
        "browne; joshu a; browne; joshua",
        "dixon; phoe be; dixon; phoebe",
        "phillpott; ro nan; phillpott; ronan",
      })
  void westernNames(String surname, String given, String sKey, String gKey) {
    StandardName n = names.parts(surname, given);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.given()).isEqualTo(gKey);
    assertThat(n.givenSyllables()).isEmpty();
    assertThat(n.koreanSurname()).isFalse();
    assertThat(n.surnameFrequency()).isNaN();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "John Smith; smith; john",
        "김; kim; ''",
        "Kim; kim; ''",
      })
  void shortAndWesternFullNames(String full, String sKey, String gKey) {
    StandardName n = names.full(full);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.given()).isEqualTo(gKey);
  }

  /** Simulated split-name lists sometimes hold the name the other way round. */
  @ParameterizedTest(name = "[{index}] {0} | {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Soon-young; Jung; jung; sunyong",
        "Dongnam; LEE; lee; tongnam",
        "Cheolho; I; lee; jorho",
        "Hyang; Yi; lee; hyang",
        "Smith; Lee; smith; lee", // a table surname alone does not swap a western surname
      })
  void swappedColumns(String surname, String given, String sKey, String gKey) {
    StandardName n = names.parts(surname, given);
    assertThat(n.surname()).isEqualTo(sKey);
    assertThat(n.given()).isEqualTo(gKey);
  }

  /**
   * Passport spellings write ㅓ as u (KOREAN-NAMES.md, "Passports"); the DPRK system writes ㅡ as u.
   * Where a spelling is unambiguous it is read back to ㅓ; otherwise the coarse key meets both.
   */
  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "현수; Hyun-soo; true", // hyun is always 현
        "경희; Kyung-hee; true",
        "명숙; Myung-sook; true",
        "철민; Chul-min; true",
        "영철; Young-chul; true",
        "혁; Hyuk; true",
        "승철; Sung Chol; true", // DPRK Sung is 승: exact
        "성철; Sung-chul; false", // passport Sung is 성: coarse only
        "선화; Sun-hwa; false",
        "정숙; Jung-suk; false",
      })
  void passportVowels(String hangul, String latin, boolean exact) {
    StandardName h = names.parts("김", hangul);
    StandardName l = names.parts("Kim", latin);
    assertThat(h.given().equals(l.given())).isEqualTo(exact);
    assertThat(h.givenCoarse()).isEqualTo(l.givenCoarse());
  }

  /**
   * Segmentation of joined romanizations (Romanized): where syllables part does not change keys.
   */
  @ParameterizedTest(name = "[{index}] {0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "순금; Sungum", // 순금 or 승움: the velar is g at a syllable start, so both read sungum
        "순금; Sungeum",
        "옥향; Okhyang", // ok-hyang, not o-khyang (DPRK kh)
        "혁환; Hyeokhwan",
        "춘구; Chungu",
        "옥이; Oki", // o-ki or ok-i: the same letters
        "옥이; Ok I",
        "영태; Yongthae", // DPRK th inside a word
        "경옥; Kyung-ock",
        "빛나; Bichna",
        "련희; Ryon Hui",
        "련희; Lyun-hee",
      })
  void joinedRomanizations(String hangul, String latin) {
    assertThat(names.parts("김", hangul).given()).isEqualTo(names.parts("Kim", latin).given());
  }

  /** McCune–Reischauer breves and apostrophes decide between surnames that fold together. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Sŏng; sung", // 성
        "Song; song", // 송
        "Sŏn; seon", // 선
        "Son; son", // 손
        "Ch'u; choo", // 추
        "Chu; joo", // 주
        "Lü; yeo", // 呂 in pinyin
        "Lu; noh", // 盧 in pinyin
        "긤; kim", // a Hangul misspelling the canonical alphabet folds (ㅢ = ㅣ)
      })
  void markedSpellings(String surname, String key) {
    assertThat(names.parts(surname, "").surname()).isEqualTo(key);
  }

  /** Latin spellings of two table surnames keep the second as an alternative key. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Quan; kwon; jeon",
        "Jin; kim; chin",
        "Xu; seo; heo",
        "Sun; son; seon",
        "Kim; kim; ''",
        "권; kwon; ''", // Hangul is never ambiguous this way
      })
  void surnameAlternatives(String surname, String key, String alternative) {
    StandardName n = names.parts(surname, "순희");
    assertThat(n.surname()).isEqualTo(key);
    assertThat(n.surnameAlternative()).isEqualTo(alternative);
  }

  /** A misspelt romanization that does not segment is still folded letter by letter. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "Myeonfkeum; myonfgum; 명금", // f for g: no syllables, but eo → o, k → g
        "Seunf-sik; sunfsig; 승식",
        "Chnshim; jnsim; 춘심",
      })
  void misspeltRomanizations(String given, String key, String hangul) {
    StandardName latin = names.parts("Park", given);
    assertThat(latin.given()).isEqualTo(key);
    assertThat(latin.givenSyllables()).isEmpty();
    assertThat(NameSimilarity.given(latin, names.parts("박", hangul))).isGreaterThan(0.8);
  }

  @org.junit.jupiter.api.Test
  void blankAndNullAreEmpty() {
    assertThat(names.parts(null, "  ")).isEqualTo(StandardName.EMPTY);
    assertThat(names.full("")).isEqualTo(StandardName.EMPTY);
    assertThat(names.full(null)).isEqualTo(StandardName.EMPTY);
    assertThat(names.parts("김", null).given()).isEmpty();
    assertThat(names.parts(null, "순희").surname()).isEmpty();
    assertThat(names.parts(null, "순희").givenSyllables()).isEqualTo(List.of("sun", "hi"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "리순희; true",
        "리 순희; true",
        "李순희; false",
        "Ri Sun Hui; false",
        "''; false",
      })
  void isHangul(String text, boolean hangul) {
    assertThat(NameStandardiser.isHangul(text)).isEqualTo(hangul);
  }
}
