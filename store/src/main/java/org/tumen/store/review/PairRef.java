package org.tumen.store.review;

import java.util.Objects;

/**
 * Two records, each a list name and the list's own record id, in one order: (sourceA, recordA)
 * sorts before (sourceB, recordB), so that a pair and its mirror are one pair.
 */
public record PairRef(String sourceA, String recordA, String sourceB, String recordB) {

  public PairRef {
    Objects.requireNonNull(sourceA, "sourceA");
    Objects.requireNonNull(recordA, "recordA");
    Objects.requireNonNull(sourceB, "sourceB");
    Objects.requireNonNull(recordB, "recordB");
    if (compare(sourceA, recordA, sourceB, recordB) > 0) {
      throw new IllegalArgumentException("use PairRef.of, which puts the records in order");
    }
    if (sourceA.equals(sourceB) && recordA.equals(recordB)) {
      throw new IllegalArgumentException("a record is not a pair with itself");
    }
    for (String s : new String[] {sourceA, recordA, sourceB, recordB}) {
      if (s.isEmpty() || s.length() > 200) {
        throw new IllegalArgumentException("list names and record ids are 1 to 200 characters");
      }
    }
  }

  /** The pair of two records in either order. */
  public static PairRef of(String sourceX, String recordX, String sourceY, String recordY) {
    return compare(sourceX, recordX, sourceY, recordY) <= 0
        ? new PairRef(sourceX, recordX, sourceY, recordY)
        : new PairRef(sourceY, recordY, sourceX, recordX);
  }

  /** Whether records X and Y given to {@link #of} were swapped to put them in order. */
  static boolean swaps(String sourceX, String recordX, String sourceY, String recordY) {
    return compare(sourceX, recordX, sourceY, recordY) > 0;
  }

  private static int compare(String s1, String r1, String s2, String r2) {
    int c = s1.compareTo(s2);
    return c != 0 ? c : r1.compareTo(r2);
  }
}
