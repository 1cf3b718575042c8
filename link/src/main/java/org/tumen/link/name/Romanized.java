package org.tumen.link.name;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a romanized Korean name part (RR, McCune–Reischauer without breves, the DPRK system or a
 * passport spelling; lower-case ASCII letters, one word) as syllables in the canonical alphabet of
 * {@link Hangul}, so that Sunhui, Sunhee, Soonhee and 순희 all give {@code sun hi}.
 *
 * <p>The word is segmented by dynamic programming into the fewest syllables of the form onset +
 * vowel + coda; among equally short segmentations the one with the shorter first syllable wins (a
 * consonant between vowels starts the next syllable: mi-ra, not mir-a), except that n before g is
 * the coda ng and a doubled consonant inside a word is a coda plus an onset. A word that cannot be
 * segmented is not Korean and gives {@code null}.
 */
final class Romanized {

  private static final String[][] ONSETS = {
    {"tch", "j"},
    {"ch", "j"},
    {"sh", "s"},
    {"rh", "r"},
    {"ph", "p"},
    {"th", "t"},
    {"kh", "g"},
    {"g", "g"},
    {"k", "g"},
    {"n", "n"},
    {"d", "t"},
    {"t", "t"},
    {"r", "r"},
    {"l", "r"},
    {"m", "m"},
    {"b", "p"},
    {"p", "p"},
    {"s", "s"},
    {"j", "j"},
    {"h", "h"},
    {"", ""}
  };

  /** Tense consonants written doubled, read as onsets only at the start of a word. */
  private static final String[][] DOUBLED = {
    {"kk", "g"}, {"tt", "t"}, {"pp", "p"}, {"ss", "s"}, {"jj", "j"}
  };

  private static final String[][] VOWELS = {
    {"yeo", "yo"},
    {"yae", "ye"},
    {"you", "yu"},
    {"yoo", "yu"},
    {"wae", "we"},
    {"weo", "wo"},
    {"wee", "wi"},
    {"woo", "u"},
    {"eui", "i"},
    {"ya", "ya"},
    {"ye", "ye"},
    {"yo", "yo"},
    {"yu", "yu"},
    {"wa", "wa"},
    {"we", "we"},
    {"wo", "wo"},
    {"wi", "wi"},
    {"ae", "e"},
    {"eo", "o"},
    {"eu", "u"},
    {"oe", "we"},
    {"oi", "we"},
    {"oo", "u"},
    {"ou", "u"},
    {"ee", "i"},
    {"ui", "i"},
    {"a", "a"},
    {"e", "e"},
    {"i", "i"},
    {"o", "o"},
    {"u", "u"}
  };
  private static final String[][] CODAS = {
    {"ng", "ng"},
    {"n", "n"},
    {"m", "m"},
    {"ck", "g"},
    {"k", "g"},
    {"g", "g"},
    {"l", "r"},
    {"r", "r"},
    {"p", "p"},
    {"b", "p"},
    {"ch", "t"},
    {"t", "t"},
    {"", ""}
  };

  /**
   * Passport spellings that write ㅕ as yu or ㅓ as u where no other syllable used in names is spelt
   * so (현 Hyun, 경 Kyung, 명 Myung, 철 Chul, 범 Bum …). Some are also the canonical form of a syllable
   * no one is named with (휸 hyun, 흉 hyung, 뮹 myung, 퓽 pyung, 휵 hyuk) or rarely (륜 ryun): such a
   * canonical key reads back as the ㅕ syllable. Spellings that would also be the DPRK or
   * McCune–Reischauer form of another common syllable (Sung: 성 in passports, 승 in the DPRK system;
   * Jung, Chung, Gun) are left to the o/u folding of {@link StandardName#givenCoarse()}.
   */
  private static final Map<String, String> PASSPORT_EO =
      Map.ofEntries(
          Map.entry("hyun", "hyon"),
          Map.entry("kyung", "gyong"),
          Map.entry("kyoung", "gyong"),
          Map.entry("gyoung", "gyong"),
          Map.entry("hyung", "hyong"),
          Map.entry("myung", "myong"),
          Map.entry("byung", "pyong"),
          Map.entry("pyung", "pyong"),
          Map.entry("young", "yong"),
          Map.entry("hyuk", "hyog"),
          Map.entry("byul", "pyor"),
          Map.entry("ryun", "ryon"),
          Map.entry("lyun", "ryon"),
          Map.entry("chul", "jor"),
          Map.entry("bum", "pom"));

  private static final int MAX_WORD = 24;
  private static final int CACHE_LIMIT = 200_000;
  private static final String[] NOT_KOREAN = new String[0];
  private static final Map<String, String[]> CACHE = new ConcurrentHashMap<>();

  private Romanized() {}

  /**
   * The canonical syllables of one word of lower-case ASCII letters, or {@code null} if the word is
   * not a Korean romanization. The returned array is shared: do not modify it.
   */
  static String[] syllables(String word) {
    String[] cached = CACHE.get(word);
    if (cached == null) {
      cached = segment(word);
      if (CACHE.size() < CACHE_LIMIT) {
        CACHE.put(word, cached);
      }
    }
    return cached == NOT_KOREAN ? null : cached;
  }

  /**
   * The canonical alphabet applied letter by letter to a word that does not segment, usually a
   * misspelt romanization (Myeonfkeum): the same digraph and consonant folds as {@link #syllables},
   * without syllables, so that its key stays close to the correct one (myonfgum, not myeonfkeum,
   * against myonggum).
   */
  static String approximate(String w) {
    // folding can make a new digraph (aeo → eo → o); repeat until nothing changes
    String prev = w;
    for (int round = 0; round < MAX_WORD; round++) {
      String next = approximateOnce(prev);
      if (next.equals(prev)) {
        return next;
      }
      prev = next;
    }
    return prev;
  }

  private static String approximateOnce(String w) {
    StringBuilder b = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); ) {
      String three = i + 3 <= w.length() ? w.substring(i, i + 3) : "";
      String two = i + 2 <= w.length() ? w.substring(i, i + 2) : "";
      String folded = "tch".equals(three) ? "j" : APPROXIMATE.get(two);
      int used = "tch".equals(three) ? 3 : 2;
      if (folded == null) {
        char c = w.charAt(i);
        folded =
            switch (c) {
              case 'k' -> "g";
              case 'd' -> "t";
              case 'b' -> "p";
              case 'l' -> "r";
              default -> String.valueOf(c);
            };
        used = 1;
      }
      // a doubled letter is one sound (tense consonants, long vowels written twice)
      if (b.length() == 0 || b.charAt(b.length() - 1) != folded.charAt(0) || folded.length() > 1) {
        b.append(folded);
      }
      i += used;
    }
    return b.toString();
  }

  private static final Map<String, String> APPROXIMATE =
      Map.ofEntries(
          Map.entry("ch", "j"),
          Map.entry("sh", "s"),
          Map.entry("kh", "g"),
          Map.entry("ph", "p"),
          Map.entry("th", "t"),
          Map.entry("eo", "o"),
          Map.entry("eu", "u"),
          Map.entry("oo", "u"),
          Map.entry("ee", "i"),
          Map.entry("ae", "e"),
          Map.entry("ui", "i"),
          Map.entry("oe", "we"),
          Map.entry("oi", "we"),
          Map.entry("ou", "u"));

  private static String[] segment(String w) {
    int n = w.length();
    if (n == 0 || n > MAX_WORD) {
      return NOT_KOREAN;
    }
    // cost = 2 per syllable + 1 per digraph (kh, ph, th, rh) read as an initial inside the word
    int[] best = new int[n + 1];
    int[] next = new int[n + 1];
    String[] syl = new String[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[n] = 0;
    next[n] = n;
    for (int i = n - 1; i >= 0; i--) {
      tryOnsets(w, i, ONSETS, best, next, syl);
      if (i == 0) {
        tryOnsets(w, i, DOUBLED, best, next, syl);
      }
    }
    if (best[0] == Integer.MAX_VALUE) {
      return NOT_KOREAN;
    }
    int count = 0;
    for (int i = 0; i < n; i = next[i]) {
      count++;
    }
    String[] out = new String[count];
    for (int i = 0, k = 0; i < n; i = next[i]) {
      out[k++] = syl[i];
    }
    return out;
  }

  private static void tryOnsets(
      String w, int i, String[][] onsets, int[] best, int[] next, String[] syl) {
    int n = w.length();
    for (String[] on : onsets) {
      if (!w.startsWith(on[0], i)) {
        continue;
      }
      boolean aspirate =
          "kh".equals(on[0]) || "ph".equals(on[0]) || "th".equals(on[0]) || "rh".equals(on[0]);
      int penalty = i > 0 && aspirate ? 1 : 0;
      int v0 = i + on[0].length();
      for (String[] vo : VOWELS) {
        if (!w.startsWith(vo[0], v0)) {
          continue;
        }
        int c0 = v0 + vo[0].length();
        for (String[] co : CODAS) {
          if (!w.startsWith(co[0], c0)) {
            continue;
          }
          int j = c0 + co[0].length();
          if (best[j] == Integer.MAX_VALUE) {
            continue;
          }
          int cost = best[j] + 2 + penalty;
          if (cost < best[i] || cost == best[i] && j < next[i]) {
            best[i] = cost;
            next[i] = j;
            String raw = w.substring(i, j);
            String fixed = PASSPORT_EO.get(raw);
            syl[i] = fixed != null ? fixed : on[1] + vo[1] + co[1];
          }
        }
      }
    }
  }
}
