package org.tumen.estimate.linkage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.tumen.estimate.CaptureTable;

/**
 * Corrects a capture table for the expected errors of the linkage that built it, by inverting the
 * linear map from the true pattern counts to the observed ones (Ding and Fienberg 1994, Biometrics
 * 50:1106; Di Consiglio and Tuoto 2015, J. Official Statistics 31:43, and 2018, for more than two
 * lists): the observed table is the true one after the linkage's errors, so the true one is the
 * observed one with those errors undone.
 *
 * <p>The errors, in the order they happen:
 *
 * <ol>
 *   <li><b>Missed links across lists.</b> Linkage fails records, not pairs: a record written
 *       differently from the person's other records misses all its links at once. Each record of
 *       list a leaves its person with probability δ_a and becomes a unit of its own; the records
 *       that stay are one unit. The δ are fitted to the recalls λ_ab of {@link
 *       LinkageErrorRates#recall} ((1 − δ_a)(1 − δ_b) = λ_ab). (Independent links, each kept with
 *       λ_ab, split people on many lists too seldom: measured in docs/methods.md.)
 *   <li><b>Missed links within a list</b> leave a duplicate record as a unit of its own: the
 *       pattern {i} gains one person per expected missed duplicate link.
 *   <li><b>False links within a list</b> absorb a person of that list: {i} loses one each.
 *   <li><b>False links across lists a and b</b> join a unit holding a (not b) with a person seen on
 *       b alone, or the other way round, half each; the unit is picked in proportion to the counts.
 * </ol>
 *
 * The correction undoes them in reverse order; the last step is a triangular solve (a pattern's
 * count depends only on the counts of the patterns that hold it). The map is what the linkage
 * expects; how well the rates describe the linkage decides how well the correction works (the
 * measured figures are in docs/methods.md, "Linkage errors").
 */
public final class CaptureCorrection {

  /** Lists up to which the correction is computed (3^K work). */
  public static final int MAX_LISTS = 12;

  private CaptureCorrection() {}

  /**
   * The corrected table and what the correction did.
   *
   * @param table the corrected counts, rounded, negative ones set to 0
   * @param corrected the corrected counts before rounding (may be negative from sampling noise)
   * @param clipped people removed by setting negative counts to 0
   */
  public record Result(CaptureTable table, double[] corrected, double clipped) {}

  /**
   * @throws IllegalArgumentException if the rates are over other lists, or a recall is so low that
   *     a pattern can hardly survive linkage (the table would say nothing about it)
   */
  public static Result correct(CaptureTable observed, LinkageErrorRates rates) {
    LinkageErrorRates r = rates.inOrder(observed.lists());
    double[] y = Arrays.stream(observed.counts()).asDoubleStream().toArray();
    double[] x = correct(y, r);
    long[] rounded = new long[x.length];
    double clipped = 0;
    for (int p = 1; p < x.length; p++) {
      if (x[p] < 0) {
        clipped -= x[p];
      }
      rounded[p] = Math.max(0, Math.round(x[p]));
    }
    return new Result(new CaptureTable(observed.lists(), rounded), x, clipped);
  }

  /** The true counts, from counts observed after the linkage's errors. */
  static double[] correct(double[] observed, LinkageErrorRates r) {
    int k = checkedSize(observed, r);
    double[] y = observed.clone();
    for (int i = k - 1; i >= 0; i--) {
      for (int j = k - 1; j > i; j--) {
        unmerge(y, i, j, r.falseLinks()[i][j]);
      }
    }
    for (int i = 0; i < k; i++) {
      y[1 << i] += r.falseLinks()[i][i] - r.missed()[i][i];
    }
    Detachment s = new Detachment(r);
    double[] x = new double[y.length];
    Integer[] bigFirst =
        IntStream.range(1, y.length)
            .boxed()
            .sorted(Comparator.comparingInt(Integer::bitCount).reversed())
            .toArray(Integer[]::new);
    for (int t : bigFirst) {
      double v = y[t];
      for (int sup = (t + 1) | t; sup < y.length; sup = (sup + 1) | t) {
        if (sup != t) {
          v -= x[sup] * s.survives(t, sup);
        }
      }
      double whole = s.survives(t, t);
      if (whole < 1e-6) {
        throw new IllegalArgumentException(
            "recall too low: a person on lists " + pattern(t, r) + " is almost never linked whole");
      }
      x[t] = v / whole;
    }
    return x;
  }

  /** The counts the linkage is expected to produce from true counts (the forward map). */
  static double[] expectedObserved(double[] truth, LinkageErrorRates r) {
    int k = checkedSize(truth, r);
    Detachment s = new Detachment(r);
    double[] y = new double[truth.length];
    for (int sup = 1; sup < truth.length; sup++) {
      if (truth[sup] == 0) {
        continue;
      }
      for (int t = sup; t > 0; t = (t - 1) & sup) {
        y[t] += truth[sup] * s.survives(t, sup);
      }
    }
    for (int i = 0; i < k; i++) {
      y[1 << i] += r.missed()[i][i] - r.falseLinks()[i][i];
    }
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        merge(y, i, j, r.falseLinks()[i][j], y.clone());
      }
    }
    return y;
  }

  /**
   * f false links between lists i and j: half join a unit holding i (not j) with a person seen on j
   * alone, half the other way round; units chosen in proportion to {@code shares}' counts.
   */
  private static void merge(double[] y, int i, int j, double f, double[] shares) {
    if (f == 0) {
      return;
    }
    for (int[] side : new int[][] {{i, j}, {j, i}}) {
      int holds = 1 << side[0];
      int alone = 1 << side[1];
      double total = 0;
      for (int p = 1; p < y.length; p++) {
        if ((p & holds) != 0 && (p & alone) == 0) {
          total += Math.max(0, shares[p]);
        }
      }
      if (total <= 0) {
        continue;
      }
      for (int p = 1; p < y.length; p++) {
        if ((p & holds) != 0 && (p & alone) == 0) {
          double moved = f / 2 * Math.max(0, shares[p]) / total;
          y[p] -= moved;
          y[p | alone] += moved;
        }
      }
      y[alone] -= f / 2;
    }
  }

  /** Inverts {@link #merge}: the shares are of the counts before merging, found by iteration. */
  private static void unmerge(double[] y, int i, int j, double f) {
    if (f == 0) {
      return;
    }
    double[] after = y.clone();
    double[] before = y.clone();
    for (int it = 0; it < 100; it++) {
      double[] next = before.clone();
      double[] probe = before.clone();
      merge(probe, i, j, f, before);
      double change = 0;
      for (int p = 1; p < y.length; p++) {
        next[p] = before[p] + after[p] - probe[p];
        change = Math.max(change, Math.abs(next[p] - before[p]));
      }
      before = next;
      if (change < 1e-9) {
        break;
      }
    }
    System.arraycopy(before, 0, y, 0, y.length);
  }

  private static int checkedSize(double[] counts, LinkageErrorRates r) {
    int k = r.lists().size();
    if (counts.length != 1 << k) {
      throw new IllegalArgumentException(
          "expected " + (1 << k) + " pattern counts for " + k + " lists, got " + counts.length);
    }
    if (k > MAX_LISTS) {
      throw new IllegalArgumentException(
          "linkage error correction handles up to " + MAX_LISTS + " lists, not " + k);
    }
    return k;
  }

  private static String pattern(int t, LinkageErrorRates r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < r.lists().size(); i++) {
      if ((t >> i & 1) == 1) {
        b.append(b.length() == 0 ? "" : ", ").append(r.lists().get(i));
      }
    }
    return b.toString();
  }

  /**
   * Missed links as records leaving their person: each record of list a leaves with probability
   * δ_a, independently, and becomes a unit of its own; the records that stay form one unit. Two
   * records of lists a and b then end up together with probability (1 − δ_a)(1 − δ_b), which is the
   * recall λ_ab: the δ are fitted to the recalls by least squares on the log scale, weighted by the
   * expected matches.
   */
  static final class Detachment {
    final double[] delta;

    Detachment(LinkageErrorRates r) {
      delta = fit(r);
    }

    /** The expected number of units with the lists of t from one person on the lists of s ⊇ t. */
    double survives(int t, int s) {
      if (Integer.bitCount(s) == 1) {
        return t == s ? 1 : 0;
      }
      double stay = 1;
      double leave = 1;
      for (int a = 0; a < delta.length; a++) {
        if ((t >> a & 1) == 1) {
          stay *= 1 - delta[a];
        } else if ((s >> a & 1) == 1) {
          leave *= delta[a];
        }
      }
      if (Integer.bitCount(t) > 1) {
        return stay * leave;
      }
      // a record alone: it left, or it stayed and every other record left
      int a = Integer.numberOfTrailingZeros(t);
      return delta[a] + stay * leave;
    }

    private static double[] fit(LinkageErrorRates r) {
      int k = r.lists().size();
      double[][] normal = new double[k][k];
      double[] rhs = new double[k];
      double[] seen = new double[k];
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          double w = r.matches()[a][b];
          if (w <= 0) {
            continue;
          }
          double y = Math.log(Math.max(1e-9, r.recall(a, b)));
          int[] ab = {a, b};
          for (int i : ab) {
            seen[i] += w;
            rhs[i] += w * y;
            for (int j : ab) {
              normal[i][j] += w;
            }
          }
        }
      }
      double[] stayLog = new double[k];
      boolean[] free = new boolean[k];
      int n = 0;
      for (int a = 0; a < k; a++) {
        free[a] = seen[a] > 0;
        n += free[a] ? 1 : 0;
      }
      if (n == 2) {
        // two lists: only the product is known; split it evenly
        for (int a = 0; a < k; a++) {
          for (int b = a + 1; b < k; b++) {
            if (free[a] && free[b]) {
              stayLog[a] = stayLog[b] = Math.log(Math.max(1e-9, r.recall(a, b))) / 2;
            }
          }
        }
      } else if (n > 2) {
        int[] idx = IntStream.range(0, k).filter(a -> free[a]).toArray();
        double[][] m = new double[n][n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = rhs[idx[i]];
          for (int j = 0; j < n; j++) {
            m[i][j] = normal[idx[i]][idx[j]];
          }
        }
        double[] l =
            new LUDecomposition(new Array2DRowRealMatrix(m))
                .getSolver()
                .solve(new ArrayRealVector(v))
                .toArray();
        for (int i = 0; i < n; i++) {
          stayLog[idx[i]] = Math.min(0, l[i]);
        }
      }
      double[] delta = new double[k];
      for (int a = 0; a < k; a++) {
        delta[a] = 1 - Math.exp(stayLog[a]);
      }
      return delta;
    }
  }
}
