package org.tumen.simulate;

/**
 * Hangul syllables as arithmetic on their jamo. A precomposed syllable is {@code U+AC00 + (initial
 * * 21 + vowel) * 28 + final} (The Unicode Standard, ch. 3.12, "Conjoining Jamo Behavior"), so no
 * table is needed to take one apart or put it together.
 */
final class Hangul {
  static final int BASE = 0xAC00;
  static final int LAST = 0xD7A3;
  static final int VOWELS = 21;
  static final int FINALS = 28;

  // Initial consonants in Unicode order.
  static final int G = 0, KK = 1, N = 2, D = 3, TT = 4, R = 5, M = 6, B = 7, PP = 8, S = 9;
  static final int SS = 10, NG = 11, J = 12, JJ = 13, CH = 14, K = 15, T = 16, P = 17, H = 18;

  // Vowels that begin with an i or y sound; they matter for the initial-sound rule.
  private static final boolean[] Y_VOWEL = new boolean[VOWELS];

  static {
    // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ
    for (int v : new int[] {2, 3, 6, 7, 12, 17, 20}) {
      Y_VOWEL[v] = true;
    }
  }

  private Hangul() {}

  static boolean isSyllable(char c) {
    return c >= BASE && c <= LAST;
  }

  static int initial(char c) {
    return (c - BASE) / (VOWELS * FINALS);
  }

  static int vowel(char c) {
    return (c - BASE) % (VOWELS * FINALS) / FINALS;
  }

  static int fin(char c) {
    return (c - BASE) % FINALS;
  }

  static char compose(int initial, int vowel, int fin) {
    return (char) (BASE + (initial * VOWELS + vowel) * FINALS + fin);
  }

  static boolean isYVowel(int vowel) {
    return Y_VOWEL[vowel];
  }

  /** Whether every character of {@code s} is a precomposed Hangul syllable (and there is one). */
  static boolean allSyllables(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isSyllable(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The South Korean spelling of a word's first syllable under the initial-sound rule (두음법칙): ㄹ
   * becomes ㅇ before i/y vowels and ㄴ elsewhere; ㄴ becomes ㅇ before i/y vowels (리→이, 라→나, 녀→여).
   * North Korean spelling keeps the ㄹ and ㄴ (KOREAN-NAMES.md).
   */
  static String southernInitial(String word) {
    if (word.isEmpty() || !isSyllable(word.charAt(0))) {
      return word;
    }
    char c = word.charAt(0);
    int l = initial(c);
    int v = vowel(c);
    int newInitial = l;
    if (l == R) {
      newInitial = isYVowel(v) ? NG : N;
    } else if (l == N && isYVowel(v)) {
      newInitial = NG;
    }
    return newInitial == l ? word : compose(newInitial, v, fin(c)) + word.substring(1);
  }
}
