package org.tumen.link;

import java.util.Arrays;

/**
 * How often each comparison pattern occurs in each group of pairs (pairs within one list, or pairs
 * of two given lists; see {@link Records#group}): EM works on distinct patterns with counts rather
 * than on millions of pairs. An open-addressing hash map; a pattern uses at most 60 bits, so the
 * group rides in the top four.
 */
final class PatternCounts {

  private static final long EMPTY = -1L;

  /** Groups a key can carry. */
  static final int MAX_GROUPS = 16;

  private long[] keys = new long[1024];
  private long[] counts = new long[1024];
  private int size;

  PatternCounts() {
    Arrays.fill(keys, EMPTY);
  }

  void add(long pattern, int group, long k) {
    long key = pattern | (long) group << 60;
    int i = slot(key);
    if (keys[i] == EMPTY) {
      keys[i] = key;
      size++;
      if (size * 2 > keys.length) {
        grow();
        i = slot(key);
      }
    }
    counts[i] += k;
  }

  void addAll(PatternCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        long key = other.keys[i];
        add(key & PATTERN_BITS, (int) (key >>> 60), other.counts[i]);
      }
    }
  }

  private static final long PATTERN_BITS = (1L << 60) - 1;

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (mix(key) & mask);
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    return x ^ (x >>> 33);
  }

  private void grow() {
    long[] k = keys;
    long[] c = counts;
    keys = new long[k.length * 2];
    counts = new long[k.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (k[i] != EMPTY) {
        int j = slot(k[i]);
        keys[j] = k[i];
        counts[j] = c[i];
        size++;
      }
    }
  }

  /** Distinct (pattern, group) entries with their counts, as parallel arrays. */
  Table table() {
    long[] p = new long[size];
    int[] g = new int[size];
    long[] c = new long[size];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        p[j] = keys[i] & PATTERN_BITS;
        g[j] = (int) (keys[i] >>> 60);
        c[j] = counts[i];
        j++;
      }
    }
    return new Table(p, g, c);
  }

  record Table(long[] patterns, int[] groups, long[] counts) {
    long total() {
      long t = 0;
      for (long c : counts) {
        t += c;
      }
      return t;
    }
  }
}
