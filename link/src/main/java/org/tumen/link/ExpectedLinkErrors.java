package org.tumen.link;

import java.util.List;

/**
 * The linkage errors a run expects from its own pair probabilities, per pair of lists and within
 * each list: the matches among the scored pairs (Σ p), the matches it left in different clusters (Σ
 * p over those pairs: missed links) and the links that join two people (Σ (1 − p) over the pairs
 * linked directly, p at or above the threshold, and in one cluster: false links). For carrying
 * linkage error into the count (estimate's {@code CaptureCorrection}).
 *
 * <p>Only pairs scored at or above {@link #floor()} are counted (0.01 with draws, else the review
 * band's lower end): a model that is wrong about a field gives the matches it misses probabilities
 * below that, and no tally of its own probabilities can see them (docs/methods.md, "Linkage
 * errors"). Matrices are indexed by list in input order and symmetric; the diagonal is within a
 * list.
 */
public final class ExpectedLinkErrors {
  private final List<String> lists;
  private final double floor;
  private final double[][] matches;
  private final double[][] missed;
  private final double[][] falseLinks;

  private ExpectedLinkErrors(
      List<String> lists,
      double floor,
      double[][] matches,
      double[][] missed,
      double[][] falseLinks) {
    this.lists = List.copyOf(lists);
    this.floor = floor;
    this.matches = matches;
    this.missed = missed;
    this.falseLinks = falseLinks;
  }

  /**
   * Tallies the scored pairs (weights in bits) against the clusters. A false link is counted per
   * record, not per pair: a record is in the wrong cluster only if all its direct links there are
   * false, Π (1 − p) over them (a record linked to two records of a person is rarely wrong about
   * both), charged to the pair of its list and its strongest link's; in a cluster of two records
   * both records carry the one link, so each counts half.
   */
  static ExpectedLinkErrors tally(
      Records rs, int[] cluster, int[] pa, int[] pb, float[] pw, double threshold, double floor) {
    int k = rs.tables.size();
    double[][] matches = new double[k][k];
    double[][] missed = new double[k][k];
    double[][] falseLinks = new double[k][k];
    double[] allFalse = new double[rs.n];
    java.util.Arrays.fill(allFalse, 1);
    int[] strongest = new int[rs.n];
    double[] strongestP = new double[rs.n];
    java.util.Arrays.fill(strongest, -1);
    for (int i = 0; i < pa.length; i++) {
      double p = Model.probability(pw[i]);
      if (p < floor) {
        continue;
      }
      int a = pa[i];
      int b = pb[i];
      matches[rs.source[a]][rs.source[b]] += p;
      if (cluster[a] != cluster[b]) {
        missed[rs.source[a]][rs.source[b]] += p;
      } else if (p >= threshold) {
        for (int[] end : new int[][] {{a, b}, {b, a}}) {
          allFalse[end[0]] *= 1 - p;
          if (p > strongestP[end[0]]) {
            strongestP[end[0]] = p;
            strongest[end[0]] = end[1];
          }
        }
      }
    }
    int[] size = new int[rs.n];
    for (int c : cluster) {
      size[c]++;
    }
    for (int r = 0; r < rs.n; r++) {
      if (strongest[r] >= 0) {
        double wrong = allFalse[r] * (size[cluster[r]] == 2 ? 0.5 : 1);
        falseLinks[rs.source[r]][rs.source[strongest[r]]] += wrong;
      }
    }
    for (double[][] m : new double[][][] {matches, missed, falseLinks}) {
      for (int s = 0; s < k; s++) {
        for (int t = s + 1; t < k; t++) {
          m[s][t] += m[t][s];
          m[t][s] = m[s][t];
        }
      }
    }
    List<String> names = rs.tables.stream().map(SourceTable::name).toList();
    return new ExpectedLinkErrors(names, floor, matches, missed, falseLinks);
  }

  /** The lists, in input order. */
  public List<String> lists() {
    return lists;
  }

  /** The lowest pair probability counted. */
  public double floor() {
    return floor;
  }

  /** Expected matching record pairs between lists i and j (i == j: within list i). */
  public double matches(int i, int j) {
    return matches[i][j];
  }

  /** Expected matching pairs left in different clusters. */
  public double missed(int i, int j) {
    return missed[i][j];
  }

  /** Expected direct links between records of two different people. */
  public double falseLinks(int i, int j) {
    return falseLinks[i][j];
  }
}
