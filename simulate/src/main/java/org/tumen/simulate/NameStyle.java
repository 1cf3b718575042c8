package org.tumen.simulate;

/** How an organisation writes a Korean name (KOREAN-NAMES.md, "Romanization systems"). */
public enum NameStyle {
  /** South Korean Hangul, initial-sound rule applied: 이순희. */
  ROK_HANGUL,
  /** North Korean Hangul, initial ㄹ kept: 리순희, 류, 림, 라, 로. */
  DPRK_HANGUL,
  /** The surname in Hanja, the given name in South Korean Hangul: 李순희. */
  HANJA_SURNAME,
  /** Revised Romanization (ROK, 2000): I Sunhui or I Sun-hui; Gim Jeong-eun. */
  REVISED,
  /** McCune–Reischauer as libraries write it (ALA-LC): Yi Sun-hŭi, Ch'oe. */
  MCCUNE_REISCHAUER,
  /** The DPRK system: Ri Sun Hui; given-name syllables apart and capitalised (Pak Tong Gu). */
  DPRK_ROMAN,
  /** Passport-style spellings: Lee Soon-hee, Park, Choi, Jung, Kim. */
  PASSPORT,
  /**
   * Chinese documents: Mandarin pinyin of the Hanja surname (Jin, Li, Piao, Cui), given by sound.
   */
  PINYIN;

  /** Whether the style writes Latin letters (only those are put in western order). */
  public boolean latin() {
    return this != ROK_HANGUL && this != DPRK_HANGUL && this != HANJA_SURNAME;
  }
}
