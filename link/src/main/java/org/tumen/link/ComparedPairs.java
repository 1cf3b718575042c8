package org.tumen.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct candidate pairs of one run of blocks with their comparison patterns, kept from the
 * estimation pass so that scoring does not compare every pair a second time. Comparing is the
 * linker's main cost (names, dates, Jaro–Winkler), while weighing a known pattern is a few table
 * look-ups. A pattern is stored as an index into this run's own table of distinct patterns (a few
 * thousand), so a pair costs 12 bytes: 330 MB for the 27.6 million pairs of a million records.
 */
final class ComparedPairs {

  /** What a pair and its pattern are handed to. */
  interface Consumer {
    void accept(int a, int b, long pattern);
  }

  /** Bytes per stored pair, for deciding whether the pairs fit in memory. */
  static final int BYTES_PER_PAIR = 12;

  private static final long EMPTY = -1L;

  /** Pairs per page: pages are filled, never copied into larger arrays as the pairs grow. */
  private static final int PAGE = 1 << 14;

  private final List<int[]> pages = new ArrayList<>();
  private int[] page;
  private int used = PAGE;
  private int size;

  private long[] slots = new long[64];
  private int[] slotIds = new int[64];
  private long[] patterns = new long[32];
  private int distinct;

  ComparedPairs() {
    Arrays.fill(slots, EMPTY);
  }

  void add(int x, int y, long pattern) {
    if (used == PAGE) {
      page = new int[3 * PAGE];
      pages.add(page);
      used = 0;
    }
    int at = 3 * used++;
    page[at] = x;
    page[at + 1] = y;
    page[at + 2] = idOf(pattern);
    size++;
  }

  int size() {
    return size;
  }

  /** Hands every pair to {@code c}, in the order added. */
  void forEach(Consumer c) {
    int left = size;
    for (int[] p : pages) {
      int n = Math.min(PAGE, left);
      for (int i = 0; i < 3 * n; i += 3) {
        c.accept(p[i], p[i + 1], patterns[p[i + 2]]);
      }
      left -= n;
    }
  }

  private int idOf(long pattern) {
    int mask = slots.length - 1;
    int i = (int) PatternCounts.mix(pattern) & mask;
    while (slots[i] != EMPTY) {
      if (slots[i] == pattern) {
        return slotIds[i];
      }
      i = (i + 1) & mask;
    }
    if (distinct == patterns.length) {
      patterns = Arrays.copyOf(patterns, distinct * 2);
    }
    patterns[distinct] = pattern;
    slots[i] = pattern;
    slotIds[i] = distinct;
    distinct++;
    if (distinct * 2 > slots.length) {
      rehash();
    }
    return distinct - 1;
  }

  private void rehash() {
    slots = new long[slots.length * 2];
    slotIds = new int[slots.length];
    Arrays.fill(slots, EMPTY);
    int mask = slots.length - 1;
    for (int p = 0; p < distinct; p++) {
      int i = (int) PatternCounts.mix(patterns[p]) & mask;
      while (slots[i] != EMPTY) {
        i = (i + 1) & mask;
      }
      slots[i] = patterns[p];
      slotIds[i] = p;
    }
  }
}
