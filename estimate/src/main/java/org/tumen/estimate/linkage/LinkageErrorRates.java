package org.tumen.estimate.linkage;

import java.util.List;

/**
 * What a linkage run expects it got wrong, per pair of lists and within each list: how many true
 * matches there are between the two lists' records, how many of them it left unlinked, and how many
 * of its links join two different people. Estimate's own input type: it knows nothing of how
 * linkage computed these (the linker's pair probabilities, a clerical sample, ...).
 *
 * <p>Matrices are indexed by list (the order of {@link #lists()}), symmetric; the diagonal holds
 * the pairs within one list (duplicates). Counts are of record pairs for matches and missed links,
 * and of links (merges of two people) for false links.
 *
 * @param lists the list names, as in the capture table
 * @param matches expected true matching record pairs
 * @param missed expected true matching pairs left unlinked (≤ matches)
 * @param falseLinks expected links that join records of two different people
 */
public record LinkageErrorRates(
    List<String> lists, double[][] matches, double[][] missed, double[][] falseLinks) {

  public LinkageErrorRates {
    lists = List.copyOf(lists);
    int k = lists.size();
    matches = checked("matches", matches, k);
    missed = checked("missed", missed, k);
    falseLinks = checked("falseLinks", falseLinks, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        if (missed[i][j] > matches[i][j] + 1e-9) {
          throw new IllegalArgumentException(
              "more missed links than matches between " + lists.get(i) + " and " + lists.get(j));
        }
      }
    }
  }

  /**
   * The share of true matches between records of lists i and j that the linkage linked: 1 when it
   * expects none.
   */
  public double recall(int i, int j) {
    return matches[i][j] <= 0 ? 1 : 1 - missed[i][j] / matches[i][j];
  }

  /** Expected missed links over all pairs of lists and within lists. */
  public double totalMissed() {
    return sum(missed);
  }

  /** Expected false links over all pairs of lists and within lists. */
  public double totalFalse() {
    return sum(falseLinks);
  }

  /** The same rates with the lists in another order (every name must be one of these lists). */
  public LinkageErrorRates inOrder(List<String> order) {
    int k = order.size();
    if (k != lists.size() || !order.containsAll(lists)) {
      throw new IllegalArgumentException("lists " + order + " are not " + lists);
    }
    int[] at = order.stream().mapToInt(lists::indexOf).toArray();
    double[][][] out = new double[3][k][k];
    double[][][] in = {matches, missed, falseLinks};
    for (int m = 0; m < 3; m++) {
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          out[m][i][j] = in[m][at[i]][at[j]];
        }
      }
    }
    return new LinkageErrorRates(order, out[0], out[1], out[2]);
  }

  private static double sum(double[][] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int j = i; j < x.length; j++) {
        s += x[i][j];
      }
    }
    return s;
  }

  private static double[][] checked(String what, double[][] x, int k) {
    if (x.length != k) {
      throw new IllegalArgumentException(what + ": expected " + k + " rows, got " + x.length);
    }
    double[][] copy = new double[k][];
    for (int i = 0; i < k; i++) {
      if (x[i].length != k) {
        throw new IllegalArgumentException(what + ": row " + i + " has " + x[i].length);
      }
      copy[i] = x[i].clone();
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double v = copy[i][j];
        if (!(v >= 0) || Double.isInfinite(v) || Math.abs(v - copy[j][i]) > 1e-9 * (1 + v)) {
          throw new IllegalArgumentException(
              what + " must be finite, non-negative and symmetric; [" + i + "][" + j + "] = " + v);
        }
      }
    }
    return copy;
  }
}
