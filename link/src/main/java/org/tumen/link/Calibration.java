package org.tumen.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Works out {@link LinkageErrors} from the fitted model, the clusters and the scored pairs: no
 * truth involved. Pairs are counted per pair of lists (index a·k + b with a ≤ b, k lists).
 */
final class Calibration {

  private Calibration() {}

  /** Index of the pair of lists of records x and y. */
  static int pairIndex(Records rs, int x, int y) {
    int s = rs.source[x];
    int t = rs.source[y];
    return Math.min(s, t) * rs.tables.size() + Math.max(s, t);
  }

  /**
   * @param belowThreshold per pair of lists, Σ P(match) over the candidate pairs scored below the
   *     weight kept (none of them is a link unless the clustering joined its records anyway)
   * @param keep the weight from which pairs were kept
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
      double[] belowThreshold,
      double keep,
      int[] pa,
      int[] pb,
      float[] pw) {
    int k = rs.tables.size();
    double[] missed = belowThreshold.clone();
    double[] falseLinks = new double[k * k];
    long[] linked = new long[k * k];
    double[] compared = belowThreshold.clone();
    double[] linkedUnblocked = new double[k * k];
    for (int i = 0; i < pa.length; i++) {
      double p = Model.probability(pw[i]);
      int g = pairIndex(rs, pa[i], pb[i]);
      if (cluster[pa[i]] != cluster[pb[i]]) {
        missed[g] += p;
      }
      compared[g] += p;
    }
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
          double w = model.weight(a, b, cmp.pattern(a, b));
          double p = Model.probability(w);
          int g = pairIndex(rs, a, b);
          linked[g]++;
          falseLinks[g] += 1 - p;
          if (!blocking.together(a, b)) {
            linkedUnblocked[g] += p;
          } else if (w < keep) {
            // counted as missed while scoring, but the clustering linked it
            missed[g] = Math.max(0, missed[g] - p);
          }
        }
      }
      i = j;
    }
    List<LinkageErrors.SourcePair> pairs = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (SourceTable t : rs.tables) {
      names.add(t.name());
    }
    BlockingRecall recall = new BlockingRecall(rs, model, blocking, rules);
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        int g = a * k + b;
        double outside = recall.missedShare(a, b);
        double unblocked = outside >= 1 ? 0 : compared[g] * outside / (1 - outside);
        pairs.add(
            new LinkageErrors.SourcePair(
                a,
                b,
                linked[g],
                falseLinks[g],
                missed[g],
                Math.max(0, unblocked - linkedUnblocked[g])));
      }
    }
    return new LinkageErrors(names, pairs);
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
