package org.tumen.simulate;

/**
 * A family name in every form the lists use (one row of {@code surnames.tsv}).
 *
 * @param rok South Korean Hangul (initial-sound rule applied): 이
 * @param dprk North Korean Hangul: 리
 * @param hanja the Chinese characters: 李
 * @param pinyin the Mandarin reading as a surname: Li (朴 is Piao, not pu)
 * @param share percent of the population
 * @param passport passport-style spellings with their weights
 */
record Surname(
    String rok, String dprk, String hanja, String pinyin, double share, Weighted<String> passport) {
  Surname {
    if (!Hangul.allSyllables(rok) || !Hangul.allSyllables(dprk) || rok.length() != dprk.length()) {
      throw new IllegalArgumentException("bad Hangul surname: " + rok + "/" + dprk);
    }
    if (!Hangul.southernInitial(dprk).equals(rok)) {
      throw new IllegalArgumentException(
          dprk + " should be " + Hangul.southernInitial(dprk) + " in South Korea, not " + rok);
    }
  }
}
