package org.tumen.simulate;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One plausible typing error in a name part: for Latin script a substitution (a neighbouring key on
 * a QWERTY keyboard, or a romanization confusion such as eo/u, k/g, l/r, ee/i), an insertion, a
 * deletion or a transposition of adjacent letters (Damerau's four kinds, Damerau 1964, CACM 7:171);
 * for Hangul the same four kinds on jamo and syllables (a similar vowel ㅓ/ㅗ ㅐ/ㅔ, an aspirated or
 * tensed initial ㄱ/ㅋ ㅈ/ㅊ, a final dropped or added, syllables swapped).
 */
final class Typos {
  private static final String[] QWERTY = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  private static final List<String[]> ROMAN_CONFUSIONS =
      List.of(
          new String[] {"eo", "u"},
          new String[] {"oo", "u"},
          new String[] {"u", "oo"},
          new String[] {"eu", "u"},
          new String[] {"ee", "i"},
          new String[] {"i", "ee"},
          new String[] {"ae", "e"},
          new String[] {"yu", "yoo"},
          new String[] {"k", "g"},
          new String[] {"g", "k"},
          new String[] {"ch", "j"},
          new String[] {"j", "ch"},
          new String[] {"p", "b"},
          new String[] {"b", "p"},
          new String[] {"t", "d"},
          new String[] {"d", "t"},
          new String[] {"l", "r"},
          new String[] {"r", "l"},
          new String[] {"ŏ", "o"},
          new String[] {"ŭ", "u"},
          new String[] {"'", ""},
          new String[] {"-", ""});
  // Vowel pairs that are close in sound or on the Dubeolsik keyboard (ㅓ/ㅗ, ㅐ/ㅔ, ㅕ/ㅛ, ㅜ/ㅡ, ㅚ/ㅙ,
  // ㅢ/ㅣ).
  private static final int[][] VOWEL_PAIRS = {
    {4, 8}, {1, 5}, {6, 12}, {13, 18}, {11, 10}, {19, 20}
  };
  // Initials often mistyped for each other: plain/aspirated/tense (ㄱㅋ ㄷㅌ ㅂㅍ ㅈㅊ ㅅㅆ).
  private static final int[][] INITIAL_PAIRS = {
    {Hangul.G, Hangul.K},
    {Hangul.D, Hangul.T},
    {Hangul.B, Hangul.P},
    {Hangul.J, Hangul.CH},
    {Hangul.S, Hangul.SS}
  };
  // Finals confused or dropped: none/ㅇ, ㄴ/ㅇ, ㄴ/ㅁ, ㄱ/none (indices into the 28 finals).
  private static final int[][] FINAL_PAIRS = {{0, 21}, {4, 21}, {4, 16}, {1, 0}};

  private Typos() {}

  /** {@code s} with one error; Hangul text gets a Hangul error, anything else a Latin one. */
  static String apply(String s, UniformRandomProvider rng) {
    if (s.isEmpty()) {
      return s;
    }
    return Hangul.allSyllables(s) ? hangul(s, rng) : latin(s, rng);
  }

  static String latin(String s, UniformRandomProvider rng) {
    double u = rng.nextDouble();
    int i = rng.nextInt(s.length());
    if (u < 0.25) {
      String confused = confuse(s, rng);
      if (confused != null) {
        return confused;
      }
    }
    if (u < 0.5 || s.length() < 2) {
      return replaceAt(s, i, neighbour(s.charAt(i), rng));
    }
    if (u < 0.7) {
      char c = rng.nextBoolean() ? s.charAt(i) : neighbour(s.charAt(i), rng);
      return s.substring(0, i + 1) + Character.toLowerCase(c) + s.substring(i + 1);
    }
    if (u < 0.85) {
      String out = s.substring(0, i) + s.substring(i + 1);
      return i == 0 ? capitaliseLike(s, out) : out;
    }
    int j = Math.min(i, s.length() - 2);
    char a = s.charAt(j);
    char b = s.charAt(j + 1);
    if (j == 0 && Character.isUpperCase(a) && !Character.isUpperCase(b)) {
      // Park → aPrk would be no one's typo; a typist writes Aprk.
      return "" + Character.toUpperCase(b) + Character.toLowerCase(a) + s.substring(2);
    }
    return s.substring(0, j) + b + a + s.substring(j + 2);
  }

  private static String confuse(String s, UniformRandomProvider rng) {
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    int start = rng.nextInt(ROMAN_CONFUSIONS.size());
    for (int k = 0; k < ROMAN_CONFUSIONS.size(); k++) {
      String[] pair = ROMAN_CONFUSIONS.get((start + k) % ROMAN_CONFUSIONS.size());
      int at = lower.indexOf(pair[0]);
      if (at >= 0) {
        String out = s.substring(0, at) + pair[1] + s.substring(at + pair[0].length());
        if (!out.isBlank()) {
          return at == 0 ? capitaliseLike(s, out) : out;
        }
      }
    }
    return null;
  }

  private static char neighbour(char c, UniformRandomProvider rng) {
    char lower = Character.toLowerCase(c);
    for (int row = 0; row < QWERTY.length; row++) {
      int col = QWERTY[row].indexOf(lower);
      if (col >= 0) {
        String keys = QWERTY[row];
        int left = col - 1;
        int right = col + 1;
        int pick =
            left < 0 ? right : right >= keys.length() ? left : rng.nextBoolean() ? left : right;
        char n = keys.charAt(pick);
        return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
      }
    }
    return c == ' ' || c == '-' ? c : Character.isUpperCase(c) ? 'E' : 'e';
  }

  private static String replaceAt(String s, int i, char c) {
    return s.substring(0, i) + c + s.substring(i + 1);
  }

  private static String capitaliseLike(String original, String out) {
    if (out.isEmpty() || !Character.isUpperCase(original.charAt(0))) {
      return out;
    }
    return Character.toUpperCase(out.charAt(0)) + out.substring(1);
  }

  static String hangul(String s, UniformRandomProvider rng) {
    double u = rng.nextDouble();
    if (s.length() >= 2 && u < 0.1) {
      int i = rng.nextInt(s.length() - 1);
      return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }
    if (s.length() >= 2 && u < 0.15) {
      int i = rng.nextInt(s.length());
      return s.substring(0, i) + s.substring(i + 1);
    }
    if (s.length() >= 2 && u < 0.2) {
      int i = rng.nextInt(s.length());
      return s.substring(0, i + 1) + s.charAt(i) + s.substring(i + 1);
    }
    int i = rng.nextInt(s.length());
    char c = s.charAt(i);
    int l = Hangul.initial(c);
    int v = Hangul.vowel(c);
    int t = Hangul.fin(c);
    for (int attempt = 0; attempt < 3; attempt++) {
      double w = rng.nextDouble();
      char changed;
      if (w < 0.45) {
        changed = Hangul.compose(l, swap(VOWEL_PAIRS, v), t);
      } else if (w < 0.75) {
        changed = Hangul.compose(l, v, swap(FINAL_PAIRS, t));
      } else {
        changed = Hangul.compose(swap(INITIAL_PAIRS, l), v, t);
      }
      if (changed != c) {
        return s.substring(0, i) + changed + s.substring(i + 1);
      }
    }
    // Nothing in the tables fits this syllable: drop or add its final instead.
    return s.substring(0, i) + Hangul.compose(l, v, t == 0 ? 21 : 0) + s.substring(i + 1);
  }

  private static int swap(int[][] pairs, int x) {
    for (int[] p : pairs) {
      if (p[0] == x) {
        return p[1];
      }
      if (p[1] == x) {
        return p[0];
      }
    }
    return x;
  }
}
