package org.tumen.link;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The capture histories of a linkage (DESIGN.md, "Domain model"): for each cluster, the set of
 * lists it appears on, counted by pattern, for the linked clustering and for each drawn one. The
 * same table {@code tumen estimate --clusters} builds from the clusters file, without writing and
 * parsing it: lists are the sources in sorted (code point) order, bit i of a pattern is list i, and
 * a person with two records on one list is on it once.
 */
public final class CaptureHistories {

  /** As many lists as a capture table can hold ({@code estimate}'s limit). */
  public static final int MAX_LISTS = 30;

  private final LinkResult result;
  private final List<String> lists;
  private final int[] listOf;

  private CaptureHistories(LinkResult result, List<String> lists, int[] listOf) {
    this.result = result;
    this.lists = lists;
    this.listOf = listOf;
  }

  /**
   * @throws IllegalArgumentException if the linkage holds fewer than 2 or more than {@value
   *     #MAX_LISTS} lists
   */
  public static CaptureHistories of(LinkResult result) {
    TreeSet<String> names = new TreeSet<>();
    for (int i = 0; i < result.size(); i++) {
      names.add(result.rs.sourceName(i));
    }
    if (names.size() < 2 || names.size() > MAX_LISTS) {
      throw new IllegalArgumentException(
          "capture histories need 2 to " + MAX_LISTS + " lists; the linkage has " + names.size());
    }
    List<String> lists = new ArrayList<>(names);
    int[] byTable = new int[result.rs.tables.size()];
    for (int t = 0; t < byTable.length; t++) {
      byTable[t] = lists.indexOf(result.rs.tables.get(t).name());
    }
    int[] listOf = new int[result.size()];
    for (int i = 0; i < listOf.length; i++) {
      listOf[i] = byTable[result.rs.source[i]];
    }
    return new CaptureHistories(result, List.copyOf(lists), listOf);
  }

  /** The lists, sorted; bit i of a pattern is list i. */
  public List<String> lists() {
    return lists;
  }

  /** People (clusters) per capture pattern of the linked clustering; index 0 is always 0. */
  public long[] counts() {
    int[] pattern = new int[result.clusterCount()];
    for (int i = 0; i < listOf.length; i++) {
      pattern[result.clusterOf(i)] |= 1 << listOf[i];
    }
    return tally(pattern);
  }

  /** How many drawn clusterings the linkage holds ({@link Linker#withDraws}). */
  public int drawCount() {
    return result.drawCount();
  }

  /** People per capture pattern of drawn clustering {@code d}. */
  public long[] drawCounts(int d) {
    if (d < 0 || d >= result.drawCount()) {
      throw new IndexOutOfBoundsException("no draw " + d + " of " + result.drawCount());
    }
    int clusters = 0;
    for (int i = 0; i < listOf.length; i++) {
      clusters = Math.max(clusters, result.drawnClusterOf(d, i) + 1);
    }
    int[] pattern = new int[clusters];
    for (int i = 0; i < listOf.length; i++) {
      pattern[result.drawnClusterOf(d, i)] |= 1 << listOf[i];
    }
    return tally(pattern);
  }

  private long[] tally(int[] patterns) {
    long[] counts = new long[1 << lists.size()];
    for (int p : patterns) {
      if (p != 0) {
        counts[p]++;
      }
    }
    return counts;
  }
}
