package org.tumen.link;

import java.util.List;

/**
 * The linkage errors a run expects from its own pair probabilities, per pair of lists and within
 * each list: the matches among the scored pairs (Σ p), the matches it left in different clusters (Σ
 * p over those pairs: missed links) and the links that join two people (Σ (1 − p) over the pairs
 * linked directly, p at or above the threshold, and in one cluster: false links). {@link
 * Calibration} adds the matches no blocking rule compared and publishes them as {@link
 * LinkageErrors}.
 *
 * <p>Only pairs scored at or above {@link #floor()} are counted (0.01 with draws, else the review
 * band's lower end): a model that is wrong about a field gives the matches it misses probabilities
 * below that, and no tally of its own probabilities can see them (docs/methods.md, "Linkage
 * errors"). Matrices are indexed by list in input order and symmetric; the diagonal is within a
 * list.
 */
final class ExpectedLinkErrors {
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
   * Tallies the scored pairs (weights in bits) against the clusters.
   *
   * <p>Missed links: a person has one record per list (within-list duplicates aside), so a record
   * can have missed a match on list t only if neither its cluster nor the candidate's holds a
   * record of the other's list; among its candidates on t the chance that one is its match is 1 − Π
   * (1 − p). Summing p instead counts every namesake of a large list as a missed link.
   *
   * <p>False links are counted per record, not per pair: a record is in the wrong cluster only if
   * all its direct links there are false, charged to the pair of its list and its strongest link's;
   * in a cluster of two records both records carry the one link, so each counts half. The chance
   * that all are false is taken as that of the strongest being false, 1 − max p (the upper Fréchet
   * bound), not Π (1 − p): a namesake of a person agrees with each of the person's records on the
   * same name and birth year, so its links stand or fall together, and the product, which assumes
   * them independent, counted a record linked to three records of a person at 0.8 each as wrong
   * with chance 0.008 (measured in docs/methods.md, "Namesakes in the expected errors").
   *
   * <p>Matches: the record pairs of two lists that share a cluster, less the false links, plus the
   * missed ones.
   */
  static ExpectedLinkErrors tally(
      Records rs, int[] cluster, int[] pa, int[] pb, float[] pw, double threshold, double floor) {
    int k = rs.tables.size();
    int clusters = 0;
    for (int c : cluster) {
      clusters = Math.max(clusters, c + 1);
    }
    int[] size = new int[clusters];
    for (int r = 0; r < rs.n; r++) {
      size[cluster[r]]++;
    }
    double[][] together = together(rs, cluster, clusters, k);
    int[] records = new int[k];
    for (int r = 0; r < rs.n; r++) {
      records[rs.source[r]]++;
    }
    double[] duplicates = new double[k];
    for (int s = 0; s < k; s++) {
      // pairs within a list in one cluster: records beyond the first, as long as clusters hold
      // at most two records of a list (the common case)
      duplicates[s] = records[s] == 0 ? 0 : Math.min(1, together[s][s] / records[s]);
    }
    boolean[] holds = listsHeld(rs, cluster, clusters, k);
    float[] logKeep = new float[rs.n * k];
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
      if (cluster[a] != cluster[b]) {
        int s = rs.source[a];
        int t = rs.source[b];
        double q = p;
        if (s != t) {
          q *= holds[cluster[a] * k + t] ? duplicates[t] : 1;
          q *= holds[cluster[b] * k + s] ? duplicates[s] : 1;
        }
        float keep = (float) Math.log1p(-Math.min(q, 1 - 1e-7));
        logKeep[a * k + t] += keep;
        logKeep[b * k + s] += keep;
      } else if (p >= threshold) {
        for (int[] end : new int[][] {{a, b}, {b, a}}) {
          if (p > strongestP[end[0]]) {
            strongestP[end[0]] = p;
            strongest[end[0]] = end[1];
          }
        }
      }
    }
    double[][] missed = new double[k][k];
    double[][] falseLinks = new double[k][k];
    for (int r = 0; r < rs.n; r++) {
      for (int t = 0; t < k; t++) {
        // each missed pair is seen from both its records
        missed[rs.source[r]][t] += -Math.expm1(logKeep[r * k + t]) / 2;
      }
      if (strongest[r] >= 0) {
        double wrong = (1 - strongestP[r]) * (size[cluster[r]] == 2 ? 0.5 : 1);
        falseLinks[rs.source[r]][rs.source[strongest[r]]] += wrong;
      }
    }
    double[][] matches = new double[k][k];
    for (double[][] m : new double[][][] {missed, falseLinks}) {
      for (int s = 0; s < k; s++) {
        for (int t = s + 1; t < k; t++) {
          m[s][t] += m[t][s];
          m[t][s] = m[s][t];
        }
      }
    }
    for (int s = 0; s < k; s++) {
      for (int t = 0; t < k; t++) {
        matches[s][t] = Math.max(0, together[s][t] - falseLinks[s][t]) + missed[s][t];
      }
    }
    List<String> names = rs.tables.stream().map(SourceTable::name).toList();
    return new ExpectedLinkErrors(names, floor, matches, missed, falseLinks);
  }

  /** Whether cluster c holds a record of list s: [c * k + s]. */
  private static boolean[] listsHeld(Records rs, int[] cluster, int clusters, int k) {
    boolean[] out = new boolean[clusters * k];
    for (int r = 0; r < rs.n; r++) {
      out[cluster[r] * k + rs.source[r]] = true;
    }
    return out;
  }

  /** Record pairs of lists s and t (s == t: within s) that share a cluster. */
  private static double[][] together(Records rs, int[] cluster, int clusters, int k) {
    int[] start = new int[clusters + 1];
    for (int c : cluster) {
      start[c + 1]++;
    }
    for (int c = 0; c < clusters; c++) {
      start[c + 1] += start[c];
    }
    int[] order = new int[rs.n];
    int[] at = start.clone();
    for (int r = 0; r < rs.n; r++) {
      order[at[cluster[r]]++] = r;
    }
    double[][] out = new double[k][k];
    int[] count = new int[k];
    for (int c = 0; c < clusters; c++) {
      if (start[c + 1] - start[c] < 2) {
        continue;
      }
      for (int i = start[c]; i < start[c + 1]; i++) {
        count[rs.source[order[i]]]++;
      }
      for (int s = 0; s < k; s++) {
        if (count[s] == 0) {
          continue;
        }
        out[s][s] += count[s] * (count[s] - 1) / 2.0;
        for (int t = s + 1; t < k; t++) {
          out[s][t] += (double) count[s] * count[t];
          out[t][s] = out[s][t];
        }
      }
      java.util.Arrays.fill(count, 0);
    }
    return out;
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
