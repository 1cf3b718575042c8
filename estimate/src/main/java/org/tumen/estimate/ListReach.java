package org.tumen.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * Which parts of the population the lists can see, as far as a capture table shows it. Two lists
 * that share (almost) no one although both recorded people are taken to see different parts of the
 * population (a list only arrested people can be on and one only arrivals in Seoul can be on): a
 * structural zero, not chance. The lists that share people with every other list are the ones that
 * can see everyone; when fewer than three of them remain, the people only they can see are, for any
 * model, a two-list problem (docs/methods.md, "Lists that see only part of the population").
 *
 * <p>"Almost no one" allows for linkage: a pair counts as disjoint when at most {@value
 * #DISJOINT_SHARE} of the smaller list's people are also on the other, the order of a linker's
 * false links. Lists that see the same people share far more: each of two independent lists that
 * record a tenth of a population shares a tenth of its people with the other.
 *
 * @param disjoint pairs of lists that share (almost) no one, each as two list names in table order
 * @param seeingAll the lists that share people with every other list that recorded anyone
 */
public record ListReach(List<List<String>> disjoint, List<String> seeingAll) {
  /** The largest share of the smaller list that two lists may share and still count as disjoint. */
  public static final double DISJOINT_SHARE = 0.01;

  public ListReach {
    disjoint = disjoint.stream().map(List::copyOf).toList();
    seeingAll = List.copyOf(seeingAll);
  }

  /** The reach of the table's lists. */
  public static ListReach of(CaptureTable table) {
    int k = table.listCount();
    long[] size = new long[k];
    for (int i = 0; i < k; i++) {
      size[i] = table.listSize(i);
    }
    boolean[] seesAll = new boolean[k];
    for (int i = 0; i < k; i++) {
      seesAll[i] = size[i] > 0;
    }
    List<List<String>> disjoint = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        if (size[i] == 0 || size[j] == 0) {
          continue;
        }
        long shared = 0;
        for (int p = 1; p < 1 << k; p++) {
          if ((p >> i & 1) == 1 && (p >> j & 1) == 1) {
            shared += table.count(p);
          }
        }
        if (shared <= DISJOINT_SHARE * Math.min(size[i], size[j])) {
          disjoint.add(List.of(table.lists().get(i), table.lists().get(j)));
          seesAll[i] = false;
          seesAll[j] = false;
        }
      }
    }
    List<String> all = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      if (seesAll[i]) {
        all.add(table.lists().get(i));
      }
    }
    return new ListReach(disjoint, all);
  }

  /** Whether some lists see different parts of the population. */
  public boolean structural() {
    return !disjoint.isEmpty();
  }

  /**
   * Whether part of the population can be on at most two lists: some lists are disjoint and fewer
   * than three lists share people with every other.
   */
  public boolean partSeenByTwoListsAtMost() {
    return structural() && seeingAll.size() < 3;
  }

  /** The disjoint pairs in words, e.g. {@code returnees and seoul_ngo; china and seoul_ngo}. */
  public String describeDisjoint() {
    return String.join("; ", disjoint.stream().map(p -> p.get(0) + " and " + p.get(1)).toList());
  }
}
