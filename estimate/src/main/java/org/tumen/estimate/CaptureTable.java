package org.tumen.estimate;

import java.util.Arrays;
import java.util.List;

/**
 * How many people were seen on each combination of lists. Pattern {@code p} is a bit mask: bit
 * {@code i} set means "on list i" (list 0 is the first column). {@code counts[0]}, the people on no
 * list, is unknown and always 0: estimating it is the point.
 */
public final class CaptureTable {
  private final List<String> lists;
  private final long[] counts;

  /**
   * @param lists the list names, at least two, in column order
   * @param counts one count per pattern, {@code 2^lists.size()} entries, {@code counts[0] == 0}
   */
  public CaptureTable(List<String> lists, long[] counts) {
    this.lists = List.copyOf(lists);
    if (this.lists.size() < 2) {
      throw new IllegalArgumentException("capture–recapture needs at least two lists");
    }
    if (this.lists.size() > 30) {
      throw new IllegalArgumentException("at most 30 lists are supported");
    }
    if (counts.length != 1 << this.lists.size()) {
      throw new IllegalArgumentException(
          "expected " + (1 << this.lists.size()) + " pattern counts, got " + counts.length);
    }
    if (counts[0] != 0) {
      throw new IllegalArgumentException("the count of people on no list is unknown; must be 0");
    }
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
    }
    this.counts = counts.clone();
  }

  public List<String> lists() {
    return lists;
  }

  public int listCount() {
    return lists.size();
  }

  /** The number of people seen on exactly the lists of {@code pattern}. */
  public long count(int pattern) {
    return counts[pattern];
  }

  /** A copy of all counts, indexed by pattern. */
  public long[] counts() {
    return counts.clone();
  }

  /** People seen on at least one list. */
  public long observed() {
    return Arrays.stream(counts).sum();
  }

  /**
   * The first list that shares no one with any other list, or null when every list overlaps some
   * other: such a list says nothing about how many people it missed.
   */
  public String listOverlappingNoOther() {
    for (int i = 0; i < listCount(); i++) {
      boolean shared = false;
      for (int p = 1; p < 1 << listCount() && !shared; p++) {
        shared = (p >> i & 1) == 1 && Integer.bitCount(p) > 1 && count(p) > 0;
      }
      if (!shared) {
        return lists().get(i);
      }
    }
    return null;
  }

  /** People seen on list {@code i}. */
  public long listSize(int i) {
    long n = 0;
    for (int p = 1; p < counts.length; p++) {
      if ((p >> i & 1) == 1) {
        n += counts[p];
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaptureTable t && lists.equals(t.lists) && Arrays.equals(counts, t.counts);
  }

  @Override
  public int hashCode() {
    return 31 * lists.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "CaptureTable" + lists + Arrays.toString(counts);
  }
}
