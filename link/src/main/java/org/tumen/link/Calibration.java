package org.tumen.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Works out {@link LinkageErrors} from the fitted model, the clusters and the kept pairs: no truth
 * involved. Missed and false links among the compared pairs are {@link ExpectedLinkErrors}'s (one
 * match per list and record, false links per record); the matches no blocking rule compared are
 * {@link BlockingRecall}'s share of those expected among the compared pairs.
 */
final class Calibration {

  private Calibration() {}

  /**
   * @param threshold the probability from which a pair is a direct link
   * @param floor the lowest probability among the kept pairs (pairs below it are not counted)
   * @param pa first records of the kept pairs
   * @param pb second records
   * @param pw their match weights
   */
  static LinkageErrors errors(
      Records rs,
      Model model,
      Blocking blocking,
      List<List<String>> rules,
      int[] cluster,
      double threshold,
      double floor,
      int[] pa,
      int[] pb,
      float[] pw) {
    int k = rs.tables.size();
    ExpectedLinkErrors compared =
        ExpectedLinkErrors.tally(rs, cluster, pa, pb, pw, threshold, floor);
    long[] linked = new long[k * k];
    double[] linkedUnblocked = new double[k * k];
    Comparison cmp = new Comparison(rs);
    int[] byCluster = byCluster(cluster);
    for (int i = 0; i < byCluster.length; ) {
      int j = i;
      while (j < byCluster.length && cluster[byCluster[j]] == cluster[byCluster[i]]) {
        j++;
      }
      for (int x = i; x < j; x++) {
        for (int y = x + 1; y < j; y++) {
          int a = Math.min(byCluster[x], byCluster[y]);
          int b = Math.max(byCluster[x], byCluster[y]);
          int g = pairIndex(rs, a, b);
          linked[g]++;
          if (!blocking.together(a, b)) {
            linkedUnblocked[g] += Model.probability(model.weight(a, b, cmp.pattern(a, b)));
          }
        }
      }
      i = j;
    }
    List<LinkageErrors.SourcePair> pairs = new ArrayList<>();
    BlockingRecall recall = new BlockingRecall(rs, model, blocking, rules);
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        int g = a * k + b;
        double outside = recall.missedShare(a, b);
        double unblocked = outside >= 1 ? 0 : compared.matches(a, b) * outside / (1 - outside);
        pairs.add(
            new LinkageErrors.SourcePair(
                a,
                b,
                linked[g],
                compared.falseLinks(a, b),
                compared.missed(a, b),
                Math.max(0, unblocked - linkedUnblocked[g])));
      }
    }
    return new LinkageErrors(compared.lists(), pairs);
  }

  /** Index of the pair of lists of records x and y. */
  private static int pairIndex(Records rs, int x, int y) {
    int s = rs.source[x];
    int t = rs.source[y];
    return Math.min(s, t) * rs.tables.size() + Math.max(s, t);
  }

  /** Record indices sorted by cluster. */
  private static int[] byCluster(int[] cluster) {
    long[] packed = new long[cluster.length];
    for (int i = 0; i < cluster.length; i++) {
      packed[i] = (long) cluster[i] << 32 | i;
    }
    Arrays.sort(packed);
    int[] out = new int[cluster.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) packed[i];
    }
    return out;
  }
}
