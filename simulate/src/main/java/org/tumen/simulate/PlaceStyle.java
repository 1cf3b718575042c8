package org.tumen.simulate;

/** How a list writes a DPRK province (the variants are in {@code provinces.tsv}). */
public enum PlaceStyle {
  /** South Korean Hangul: 함경북도, 양강도, 나선특별시. */
  HANGUL,
  /** North Korean Hangul: 량강도, 라선특별시. */
  HANGUL_DPRK,
  /** Korean short forms: 함북, 양강, 평남. */
  HANGUL_SHORT,
  /** English: North Hamgyong. */
  ENGLISH,
  /** Abbreviated English: N. Hamgyong, Ryanggang Prov. */
  ENGLISH_ABBREVIATED,
  /** Revised Romanization: Hamgyeongbuk-do. */
  REVISED,
  /** McCune–Reischauer: Hamgyŏng-bukto. */
  MCCUNE_REISCHAUER,
  /** Plain romanizations without diacritics: Hamgyongbuk-do, Hamgyong-bukto. */
  PLAIN,
  /** Simplified Chinese: 咸镜北道. */
  CHINESE
}
