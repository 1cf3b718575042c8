package org.tumen.link;

/**
 * Jaro–Winkler similarity: Jaro (1989, JASA 84:414) with Winkler's (1990) prefix bonus (scale 0.1,
 * prefix up to 4 characters, applied when Jaro ≥ 0.7), as in commons-text's {@code
 * JaroWinklerSimilarity}, which the tests use as the reference.
 *
 * <p>Bit-parallel and allocation-free for strings of up to 64 characters: a table from character to
 * the bitmask of its positions in the longer string finds each match in constant time, so a
 * comparison costs O(|a| + |b|) rather than O(|a| · window). Longer strings fall back to
 * commons-text. Not thread-safe: one instance per thread.
 */
final class JaroWinkler {

  private static final org.apache.commons.text.similarity.JaroWinklerSimilarity LONG =
      new org.apache.commons.text.similarity.JaroWinklerSimilarity();

  /** Positions of each character in the longer string; all zero between calls. */
  private final long[] positions = new long[Character.MAX_VALUE + 1];

  double similarity(char[] a, char[] b) {
    if (a.length == 0 || b.length == 0) {
      return a.length == b.length ? 1.0 : 0.0;
    }
    if (a.length > 64 || b.length > 64) {
      return LONG.apply(new String(a), new String(b));
    }
    char[] s = a.length <= b.length ? b : a; // the longer
    char[] t = a.length <= b.length ? a : b;
    int window = Math.max(s.length / 2 - 1, 0);
    for (int j = 0; j < s.length; j++) {
      positions[s[j]] |= 1L << j;
    }
    long sFlags = 0;
    long tFlags = 0;
    int matches = 0;
    for (int i = 0; i < t.length; i++) {
      int lo = Math.max(i - window, 0);
      int hi = Math.min(i + window + 1, s.length); // exclusive
      long inWindow = (hi == 64 ? -1L : (1L << hi) - 1) & -(1L << lo);
      long free = positions[t[i]] & ~sFlags & inWindow;
      if (free != 0) {
        sFlags |= Long.lowestOneBit(free);
        tFlags |= 1L << i;
        matches++;
      }
    }
    for (int j = 0; j < s.length; j++) {
      positions[s[j]] = 0;
    }
    if (matches == 0) {
      return 0.0;
    }
    int transpositions = 0;
    long sf = sFlags;
    long tf = tFlags;
    while (tf != 0) {
      int i = Long.numberOfTrailingZeros(tf);
      int j = Long.numberOfTrailingZeros(sf);
      if (t[i] != s[j]) {
        transpositions++;
      }
      tf &= tf - 1;
      sf &= sf - 1;
    }
    double m = matches;
    double jaro = (m / s.length + m / t.length + (m - transpositions / 2.0) / m) / 3.0;
    if (jaro < 0.7) {
      return jaro;
    }
    int prefix = 0;
    int max = Math.min(4, t.length);
    while (prefix < max && a[prefix] == b[prefix]) {
      prefix++;
    }
    return jaro + 0.1 * prefix * (1.0 - jaro);
  }
}
