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
    {"kh", "k"},
    {"g", "k"},
    {"k", "k"},
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
    {"kk", "k"}, {"tt", "t"}, {"pp", "p"}, {"ss", "s"}, {"jj", "j"}
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
    {"k", "k"},
    {"l", "r"},
    {"r", "r"},
    {"p", "p"},
    {"b", "p"},
    {"t", "t"},
    {"", ""}
  };

  /**
   * Passport spellings that write ㅓ as u (정 Jung, 성 Sung, 현 Hyun, 경 Kyung, 철 Chul …). In given
   * names the ㅓ syllable is far more common than the ㅜ one (중, 숭, 훈 …), so these are read as ㅓ: a
   * recall-minded choice documented in docs/names.md. ㅡ spelt eu (승 Seung) is not affected.
   */
  private static final Map<String, String> PASSPORT_EO =
      Map.ofEntries(
          Map.entry("jung", "jong"),
          Map.entry("chung", "jong"),
          Map.entry("sung", "song"),
          Map.entry("young", "yong"),
          Map.entry("yung", "yong"),
          Map.entry("kyung", "kyong"),
          Map.entry("kyoung", "kyong"),
          Map.entry("gyung", "kyong"),
          Map.entry("hyung", "hyong"),
          Map.entry("myung", "myong"),
          Map.entry("byung", "pyong"),
          Map.entry("pyung", "pyong"),
          Map.entry("hyun", "hyon"),
          Map.entry("chul", "jor"),
          Map.entry("bum", "pom"),
          Map.entry("gun", "kon"));

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

  private static String[] segment(String w) {
    int n = w.length();
    if (n == 0 || n > MAX_WORD) {
      return NOT_KOREAN;
    }
    int[] best = new int[n + 1];
    int[] next = new int[n + 1];
    String[] syl = new String[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[n] = 0;
    for (int i = n - 1; i >= 0; i--) {
      tryOnsets(w, i, ONSETS, best, next, syl);
      if (i == 0) {
        tryOnsets(w, i, DOUBLED, best, next, syl);
      }
    }
    if (best[0] == Integer.MAX_VALUE) {
      return NOT_KOREAN;
    }
    String[] out = new String[best[0]];
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
          if (best[j] == Integer.MAX_VALUE || j < n && "n".equals(co[0]) && w.charAt(j) == 'g') {
            continue;
          }
          int count = best[j] + 1;
          if (count < best[i] || count == best[i] && j < next[i]) {
            best[i] = count;
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
