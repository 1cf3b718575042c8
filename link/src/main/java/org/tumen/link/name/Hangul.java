package org.tumen.link.name;

/**
 * Canonical romanization of precomposed Hangul syllables, written from the jamo (Unicode §3.12
 * arithmetic decomposition: syllable = 0xAC00 + (L·21 + V)·28 + T).
 *
 * <p>The canonical alphabet keeps only the distinctions that every romanization in use keeps, so
 * that RR, McCune–Reischauer, the DPRK system and passport spellings of one syllable meet:
 *
 * <ul>
 *   <li>plain, aspirated and tense stops merge (ㄱㅋㄲ k, ㄷㅌㄸ t, ㅂㅍㅃ p, ㅈㅊㅉ j, ㅅㅆ s): MR marks
 *       aspiration only with an apostrophe that lists drop, and writes ㅈ as ch like ㅊ;
 *   <li>ㄹ is r in every position (romanizations write r or l; pinyin l);
 *   <li>ㅓ and ㅗ are o (eo, ŏ, o), ㅜ and ㅡ are u (u, oo, eu, ŭ), ㅐ and ㅔ are e, ㅕ and ㅛ are yo, ㅒ
 *       and ㅖ are ye, ㅙ ㅚ ㅞ are we (wae, oe, oi, we), ㅢ and ㅣ are i (ŭi, ui, ee, i);
 *   <li>finals are written as pronounced at the end of a word (ㅅㅆㅈㅊㅌㅎ t, ㄺ k …).
 * </ul>
 */
final class Hangul {

  static final int FIRST = 0xAC00;
  static final int LAST = 0xD7A3;

  private static final String[] ONSET = {
    "g", "g", "n", "t", "t", "r", "m", "p", "p", "s", "s", "", "j", "j", "j", "g", "t", "p", "h"
  };
  private static final String[] VOWEL = {
    "a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "we", "yo", "u", "wo", "we", "wi",
    "yu", "u", "i", "i"
  };
  private static final String[] CODA = {
    "", "g", "g", "g", "n", "n", "n", "t", "r", "g", "m", "r", "r", "r", "p", "r", "m", "p", "p",
    "t", "t", "ng", "t", "t", "g", "t", "p", "t"
  };

  private static final String[] CANONICAL = new String[LAST - FIRST + 1];

  static {
    for (int i = 0; i < CANONICAL.length; i++) {
      CANONICAL[i] = (ONSET[i / 588] + VOWEL[(i % 588) / 28] + CODA[i % 28]).intern();
    }
  }

  private Hangul() {}

  static boolean isSyllable(int cp) {
    return cp >= FIRST && cp <= LAST;
  }

  /** The canonical romanization of one precomposed syllable, without the initial-sound rule. */
  static String canonical(char syllable) {
    return CANONICAL[syllable - FIRST];
  }

  /**
   * The initial-sound rule (두음법칙) applied to a canonical syllable that begins a word: ㄹ before i/y
   * is dropped and becomes ㄴ elsewhere; ㄴ before i/y is dropped (리→이, 라→나, 녀→여). Folding it makes
   * DPRK and ROK spellings of one name meet (KOREAN-NAMES.md, "The initial-sound rule").
   */
  static String initial(String syllable) {
    if (syllable.length() < 2) {
      return syllable;
    }
    char c0 = syllable.charAt(0);
    char c1 = syllable.charAt(1);
    boolean front = c1 == 'i' || c1 == 'y';
    if (c0 == 'r') {
      return front ? syllable.substring(1) : "n" + syllable.substring(1);
    }
    if (c0 == 'n' && front) {
      return syllable.substring(1);
    }
    return syllable;
  }

  /** Whether every letter of the text is a precomposed Hangul syllable (and there is one). */
  static boolean allSyllables(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSyllable(c)) {
        n++;
      } else if (Character.isLetter(c)) {
        return false;
      }
    }
    return n > 0;
  }
}
