package org.tumen.estimate.dga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * An undirected decomposable (chordal) graph on the lists, as a log-linear model: lists joined by
 * an edge may depend on each other, and two lists without an edge are independent given the lists
 * that separate them. Madigan & York (1997, Biometrika 84(1):19–31, §2) average over exactly these
 * models because their marginal likelihood factorises over the cliques and separators of the graph
 * (Dawid & Lauritzen 1993), which makes it a product of Dirichlet–multinomial terms.
 *
 * <p>Vertices are lists {@code 0..k-1}; cliques and separators are bit masks of lists. The
 * separators are a multiset (a list of masks, possibly repeated) and leave out empty separators,
 * which contribute a factor 1 to the marginal likelihood.
 *
 * @param lists the number of lists (vertices)
 * @param cliques the maximal cliques, as bit masks, in increasing order
 * @param separators the non-empty separators of a junction tree of the cliques, in increasing order
 */
public record DecomposableGraph(int lists, int[] cliques, int[] separators) {

  /** The largest number of lists enumerated: 822 graphs at 5, 18,154 at 6 (too slow to average). */
  public static final int MAX_LISTS = 5;

  public static final int MIN_LISTS = 3;

  public DecomposableGraph {
    cliques = cliques.clone();
    separators = separators.clone();
  }

  @Override
  public int[] cliques() {
    return cliques.clone();
  }

  @Override
  public int[] separators() {
    return separators.clone();
  }

  /**
   * Every decomposable graph on {@code lists} labelled vertices, in the order of their edge masks
   * (the empty graph first): 8 on 3 lists, 61 on 4, 822 on 5 (OEIS A058862).
   */
  public static List<DecomposableGraph> all(int lists) {
    if (lists < MIN_LISTS || lists > MAX_LISTS) {
      throw new IllegalArgumentException(
          "decomposable graphs are enumerated for "
              + MIN_LISTS
              + " to "
              + MAX_LISTS
              + " lists, not "
              + lists);
    }
    int[][] pairs = pairs(lists);
    List<DecomposableGraph> graphs = new ArrayList<>();
    for (int edges = 0; edges < 1 << pairs.length; edges++) {
      int[] neighbours = new int[lists];
      for (int e = 0; e < pairs.length; e++) {
        if ((edges >> e & 1) == 1) {
          neighbours[pairs[e][0]] |= 1 << pairs[e][1];
          neighbours[pairs[e][1]] |= 1 << pairs[e][0];
        }
      }
      if (isChordal(neighbours)) {
        int[] cliques = maximalCliques(neighbours);
        graphs.add(new DecomposableGraph(lists, cliques, separators(cliques)));
      }
    }
    return List.copyOf(graphs);
  }

  /** The graph in Rcapture-like notation, lists numbered from 1: {@code [1,2][2,3][4]}. */
  public String notation() {
    StringBuilder s = new StringBuilder();
    for (int clique : cliques) {
      StringJoiner members = new StringJoiner(",", "[", "]");
      for (int v = 0; v < lists; v++) {
        if ((clique >> v & 1) == 1) {
          members.add(Integer.toString(v + 1));
        }
      }
      s.append(members);
    }
    return s.toString();
  }

  private static int[][] pairs(int lists) {
    int[][] pairs = new int[lists * (lists - 1) / 2][];
    int e = 0;
    for (int a = 0; a < lists; a++) {
      for (int b = a + 1; b < lists; b++) {
        pairs[e++] = new int[] {a, b};
      }
    }
    return pairs;
  }

  /**
   * A graph is chordal exactly when its vertices can be removed one by one, each simplicial (its
   * remaining neighbours form a clique) when removed: a perfect elimination ordering (Fulkerson &
   * Gross 1965). With at most five vertices the search is immediate.
   */
  private static boolean isChordal(int[] neighbours) {
    int remaining = (1 << neighbours.length) - 1;
    while (remaining != 0) {
      int simplicial = -1;
      for (int v = 0; v < neighbours.length && simplicial < 0; v++) {
        if ((remaining >> v & 1) == 1 && isComplete(neighbours, neighbours[v] & remaining)) {
          simplicial = v;
        }
      }
      if (simplicial < 0) {
        return false;
      }
      remaining &= ~(1 << simplicial);
    }
    return true;
  }

  private static boolean isComplete(int[] neighbours, int set) {
    for (int v = 0; v < neighbours.length; v++) {
      if ((set >> v & 1) == 1 && (set & ~(1 << v) & ~neighbours[v]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static int[] maximalCliques(int[] neighbours) {
    int all = 1 << neighbours.length;
    List<Integer> complete = new ArrayList<>();
    for (int set = 1; set < all; set++) {
      if (isComplete(neighbours, set)) {
        complete.add(set);
      }
    }
    return complete.stream()
        .filter(c -> complete.stream().noneMatch(d -> d != c && (c & d) == c))
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  /**
   * The separators of a junction tree: the intersections along a maximum-weight spanning tree of
   * the cliques, weighted by the size of their intersection (Jensen & Jensen 1994). Every junction
   * tree of a chordal graph has the same multiset of separators, so the tree Prim's algorithm finds
   * is as good as any. Empty intersections (between components) are dropped.
   */
  private static int[] separators(int[] cliques) {
    int n = cliques.length;
    boolean[] inTree = new boolean[n];
    inTree[0] = true;
    List<Integer> separators = new ArrayList<>();
    for (int added = 1; added < n; added++) {
      int best = -1;
      int bestWeight = -1;
      int bestSeparator = 0;
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n && inTree[a]; b++) {
          int separator = cliques[a] & cliques[b];
          if (!inTree[b] && Integer.bitCount(separator) > bestWeight) {
            best = b;
            bestWeight = Integer.bitCount(separator);
            bestSeparator = separator;
          }
        }
      }
      inTree[best] = true;
      if (bestSeparator != 0) {
        separators.add(bestSeparator);
      }
    }
    return separators.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecomposableGraph g
        && lists == g.lists
        && Arrays.equals(cliques, g.cliques)
        && Arrays.equals(separators, g.separators);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * lists + Arrays.hashCode(cliques)) + Arrays.hashCode(separators);
  }

  @Override
  public String toString() {
    return notation();
  }
}
