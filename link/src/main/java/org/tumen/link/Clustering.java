package org.tumen.link;

import java.util.Arrays;
import java.util.List;
import org.tumen.model.Progress;

/**
 * From pairwise match weights to people without chaining errors. Connected components of the pairs
 * above the threshold would chain a–b–c into one person even when a and c plainly differ. Instead,
 * edges are taken strongest first, and two clusters merge only if (1) the average match weight over
 * all their cross pairs, each compared directly, is at least the threshold's (average linkage: the
 * greedy step of correlation clustering, Bansal, Blum and Chawla 2004), and (2) every two of their
 * records from the same list are themselves a link: their match probability, with the prior of
 * duplicates within that list, reaches the threshold. Lists do hold genuine duplicates, so two
 * records of one list may share a cluster, but duplicates are rare, so namesakes of one list that
 * agree only on a name and a birth year are kept apart although the fields are in their favour. Nor
 * may any cross pair be plainly against the merge ({@link #VETO_BITS}). Every record ends in
 * exactly one cluster.
 */
final class Clustering {

  /** Merges whose cross pairs exceed this are refused: such clusters are not one person. */
  private static final long MAX_CROSS_PAIRS = 250_000;

  /**
   * A cross pair whose posterior odds fall this many bits (16 times) below the threshold's vetoes
   * the merge: an average lets one well supported pair outvote a plainly contradicted one (a record
   * with a birth year only links two namesakes whose full birth dates differ).
   */
  static final double VETO_BITS = 4;

  private Clustering() {}

  /**
   * Bits added to the match weight of a pair: none for the clustering itself, random ones for a
   * draw ({@link #drawNoise}). The same pair always gets the same noise within one clustering.
   */
  interface Noise {
    double bits(int a, int b);
  }

  static final Noise NONE = (a, b) -> 0;

  private static final double LN2 = Math.log(2);

  /**
   * Logistic noise in bits, a fixed function of the pair and the seed. A pair whose weight plus
   * this noise is positive is a link with exactly its match probability, 1 / (1 + 2^-w): clustering
   * perturbed weights (perturb-and-MAP, Papandreou and Yuille 2011) gives one plausible partition,
   * and many seeds show how much the partition depends on the uncertain pairs.
   */
  static Noise drawNoise(long seed) {
    long s = PatternCounts.mix(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    return (a, b) -> {
      long x = Math.min(a, b);
      long y = Math.max(a, b);
      long h = PatternCounts.mix(s ^ (x << 24 | y)); // records are numbered below 2^24
      double u = ((h >>> 11) + 0.5) * 0x1.0p-53;
      return Math.log(u / (1 - u)) / LN2;
    };
  }

  /**
   * @param weights match weights of the candidate pairs (a[i], b[i]) worth linking
   * @param noise bits added to every pair's weight: {@link #NONE} for the clusters, {@link
   *     #drawNoise} for one drawn clustering
   * @return per record its cluster number, 0 to clusters - 1, numbered by first record
   */
  static int[] cluster(
      Records rs,
      Model model,
      int[] a,
      int[] b,
      float[] weights,
      double threshold,
      Noise noise,
      Progress progress) {
    return cluster(rs, model, a, b, weights, threshold, noise, Decisions.NONE, progress);
  }

  /**
   * As above, under reviewers' decisions: first every pair decided same is joined, whatever the
   * checks below would say (a person decided it); then no merge may join a pair decided different.
   */
  static int[] cluster(
      Records rs,
      Model model,
      int[] a,
      int[] b,
      float[] weights,
      double threshold,
      Noise noise,
      Decisions decisions,
      Progress progress) {
    if (noise != NONE) {
      float[] noisy = new float[weights.length];
      for (int i = 0; i < weights.length; i++) {
        noisy[i] = (float) (weights[i] + noise.bits(a[i], b[i]));
      }
      weights = noisy;
    }
    Comparison cmp = new Comparison(rs);
    double cut = Model.logit2(threshold);
    int n = rs.n;
    int[] parent = new int[n];
    int[] next = new int[n];
    int[] size = new int[n];
    int[] tail = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      next[i] = -1;
      size[i] = 1;
      tail[i] = i;
    }
    for (int i = 0; i < decisions.sameA.length; i++) {
      int ra = find(parent, decisions.sameA[i]);
      int rb = find(parent, decisions.sameB[i]);
      if (ra != rb) {
        union(parent, next, size, tail, ra, rb);
      }
    }
    int edges = 0;
    long[] order = new long[weights.length];
    float[] key = orderKeys(rs, a, b, weights, cut);
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] >= cut) {
        int bits = Float.floatToIntBits(key[i]);
        bits ^= (bits >> 31) & 0x7fffffff;
        order[edges++] = ((long) bits << 32) | i;
      }
    }
    order = Arrays.copyOf(order, edges);
    Arrays.sort(order);
    progress.start("clustering", edges);
    for (int k = edges - 1; k >= 0; k--) {
      progress.step(1);
      int e = (int) order[k];
      int ra = find(parent, a[e]);
      int rb = find(parent, b[e]);
      if (ra == rb || (long) size[ra] * size[rb] > MAX_CROSS_PAIRS) {
        continue;
      }
      if (size[ra] > 1 || size[rb] > 1 || decisions.different(a[e], b[e])) {
        if (!compatible(
            rs, model, cmp, noise, decisions, ra, rb, next, cut, model.prior(a[e], b[e]))) {
          continue;
        }
      }
      union(parent, next, size, tail, ra, rb);
    }
    progress.finish();
    int[] cluster = new int[n];
    Arrays.fill(cluster, -1);
    int[] idOfRoot = new int[n];
    Arrays.fill(idOfRoot, -1);
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (idOfRoot[r] < 0) {
        idOfRoot[r] = clusters++;
      }
      cluster[i] = idOfRoot[r];
    }
    return cluster;
  }

  /**
   * The order in which the edges are tried: an edge's weight less log2(1 + r/o), where o is its
   * odds above the threshold and r the summed odds of its records' other edges into the same lists
   * (rivals: a record rarely has two people in one list). Of two equally strong edges, the one
   * without rivals merges first, so that when its records are taken the constraints above refuse
   * the weaker, contested alternative rather than the other way round. It changes only the order,
   * never whether a merge is allowed.
   */
  static float[] orderKeys(Records rs, int[] a, int[] b, float[] weights, double cut) {
    int n = rs.n;
    int[] start = new int[n + 1];
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] >= cut) {
        start[a[i] + 1]++;
        start[b[i] + 1]++;
      }
    }
    for (int r = 0; r < n; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] adj = new int[start[n]];
    double[] odds = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] >= cut) {
        odds[i] = Math.pow(2, weights[i] - cut);
        adj[fill[a[i]]++] = i;
        adj[fill[b[i]]++] = i;
      }
    }
    float[] key = new float[weights.length];
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] >= cut) {
        double rivals =
            rivals(rs, a, b, start, adj, odds, i, a[i], rs.source[b[i]])
                + rivals(rs, a, b, start, adj, odds, i, b[i], rs.source[a[i]]);
        key[i] = (float) (weights[i] - Model.log2(1 + rivals / odds[i]));
      }
    }
    return key;
  }

  /** Summed odds of the edges of record x, other than edge e, into list s. */
  private static double rivals(
      Records rs, int[] a, int[] b, int[] start, int[] adj, double[] odds, int e, int x, int s) {
    double sum = 0;
    for (int k = start[x]; k < start[x + 1]; k++) {
      int j = adj[k];
      int other = a[j] == x ? b[j] : a[j];
      if (j != e && rs.source[other] == s) {
        sum += odds[j];
      }
    }
    return sum;
  }

  /** Joins two clusters (roots): attaches the smaller list of members to the larger. */
  private static void union(int[] parent, int[] next, int[] size, int[] tail, int ra, int rb) {
    int big = size[ra] >= size[rb] ? ra : rb;
    int small = big == ra ? rb : ra;
    parent[small] = big;
    next[tail[big]] = small;
    tail[big] = tail[small];
    size[big] += size[small];
  }

  private static boolean compatible(
      Records rs,
      Model model,
      Comparison cmp,
      Noise noise,
      Decisions decisions,
      int ra,
      int rb,
      int[] next,
      double cut,
      double prior) {
    double sum = 0;
    long pairs = 0;
    for (int x = ra; x >= 0; x = next[x]) {
      for (int y = rb; y >= 0; y = next[y]) {
        if (decisions.different(x, y)) {
          return false;
        }
        double w = model.weight(x, y, cmp.pattern(x, y)) + noise.bits(x, y);
        if (rs.source[x] == rs.source[y] && w < cut || w < cut - VETO_BITS) {
          return false;
        }
        // Within-list and across-list pairs have different priors: average the evidence of the
        // fields, then judge it with the prior of the edge that proposed the merge.
        sum += w - model.prior(x, y);
        pairs++;
      }
    }
    return sum / pairs + prior >= cut;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Clusters holding more records than one person plausibly has: a sign of a bad model. */
  static List<Integer> implausible(int[] cluster, int lists) {
    int max = Math.max(10, 3 * lists);
    int k = Arrays.stream(cluster).max().orElse(-1) + 1;
    int[] sizes = new int[k];
    for (int c : cluster) {
      sizes[c]++;
    }
    java.util.List<Integer> out = new java.util.ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (sizes[c] > max) {
        out.add(c);
      }
    }
    return out;
  }
}
