package org.tumen.link.name;

/** The writing system of a name as it was recorded, before standardisation. */
public enum Script {
  /** Korean alphabet only (리순희, 이순희). */
  HANGUL,
  /** Chinese characters in their traditional (Korean Hanja) forms, or forms shared by both. */
  HANJA,
  /** Hanja mixed with Hangul, usually a Hanja surname and a Hangul given name (李순희). */
  HANJA_HANGUL,
  /** Latin letters: a romanization (RR, McCune–Reischauer, DPRK, passport) or pinyin. */
  LATIN,
  /** Chinese characters containing at least one simplified-only form (金顺姬): a Chinese document. */
  HAN_CHINESE,
  /** Any other mixture, for instance Latin with Hangul, or another script. */
  MIXED,
  /** No letters at all (blank or punctuation). */
  NONE
}
