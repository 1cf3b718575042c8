package org.tumen.simulate;

import java.util.Arrays;
import java.util.List;

/**
 * The true capture histories of a simulated population, without files: for tests and coverage
 * studies that need capture tables with a known total.
 *
 * @param lists the lists' names; bit i of a mask is list i
 * @param population the true number of people, documented or not
 * @param masks one capture history per documented person (never 0), in generation order
 */
public record CaptureHistories(List<String> lists, int population, int[] masks) {
  public CaptureHistories {
    lists = List.copyOf(lists);
    if (lists.isEmpty() || lists.size() > Scenario.MAX_LISTS) {
      throw new IllegalArgumentException("need 1 to " + Scenario.MAX_LISTS + " lists");
    }
    if (population < masks.length) {
      throw new IllegalArgumentException("more documented people than people");
    }
    int limit = 1 << lists.size();
    for (int m : masks) {
      if (m <= 0 || m >= limit) {
        throw new IllegalArgumentException("capture history out of range: " + m);
      }
    }
    masks = masks.clone();
  }

  /** The masks (a copy). */
  @Override
  public int[] masks() {
    return masks.clone();
  }

  /** People documented by at least one list. */
  public int observed() {
    return masks.length;
  }

  /**
   * Counts by capture pattern: element m is the number of people whose history is m (element 0, the
   * people no list saw, is {@code population - observed()}).
   */
  public long[] patternCounts() {
    long[] counts = new long[1 << lists.size()];
    for (int m : masks) {
      counts[m]++;
    }
    counts[0] = population - masks.length;
    return counts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaptureHistories c
        && c.population == population
        && c.lists.equals(lists)
        && Arrays.equals(c.masks, masks);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * lists.hashCode() + population) + Arrays.hashCode(masks);
  }

  @Override
  public String toString() {
    return "CaptureHistories[lists="
        + lists
        + ", population="
        + population
        + ", observed="
        + masks.length
        + "]";
  }
}
