package org.tumen.link;

import java.util.Arrays;

/**
 * How often each comparison pattern occurs, split into pairs within one list and pairs across two
 * lists: EM works on distinct patterns with counts rather than on millions of pairs. An
 * open-addressing hash map from pattern to two counts.
 */
final class PatternCounts {

  private static final long EMPTY = -1L;

  private long[] keys = new long[1024];
  private long[] within = new long[1024];
  private long[] across = new long[1024];
  private int size;

  PatternCounts() {
    Arrays.fill(keys, EMPTY);
  }

  void add(long pattern, boolean sameList, long k) {
    int i = slot(pattern);
    if (keys[i] == EMPTY) {
      keys[i] = pattern;
      size++;
      if (size * 2 > keys.length) {
        grow();
        i = slot(pattern);
      }
    }
    if (sameList) {
      within[i] += k;
    } else {
      across[i] += k;
    }
  }

  void addAll(PatternCounts other) {
    for (int i = 0; i < other.keys.length; i++) {
      if (other.keys[i] != EMPTY) {
        if (other.within[i] > 0) {
          add(other.keys[i], true, other.within[i]);
        }
        if (other.across[i] > 0) {
          add(other.keys[i], false, other.across[i]);
        }
      }
    }
  }

  private int slot(long pattern) {
    int mask = keys.length - 1;
    int i = (int) (mix(pattern) & mask);
    while (keys[i] != EMPTY && keys[i] != pattern) {
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
    long[] w = within;
    long[] a = across;
    keys = new long[k.length * 2];
    within = new long[k.length * 2];
    across = new long[k.length * 2];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (k[i] != EMPTY) {
        int j = slot(k[i]);
        keys[j] = k[i];
        within[j] = w[i];
        across[j] = a[i];
        size++;
      }
    }
  }

  /** Distinct patterns, with their within-list and across-list counts, as parallel arrays. */
  Table table() {
    long[] p = new long[size];
    long[] w = new long[size];
    long[] a = new long[size];
    int j = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        p[j] = keys[i];
        w[j] = within[i];
        a[j] = across[i];
        j++;
      }
    }
    return new Table(p, w, a);
  }

  record Table(long[] patterns, long[] within, long[] across) {
    long total() {
      long t = 0;
      for (int i = 0; i < patterns.length; i++) {
        t += within[i] + across[i];
      }
      return t;
    }
  }
}
