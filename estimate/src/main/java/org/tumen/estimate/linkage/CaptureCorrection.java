package org.tumen.estimate.linkage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
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
 *   <li><b>Missed links across lists.</b> A person on the lists S has one record on each; the
 *       linkage keeps the link between the records of lists a and b with probability λ_ab (the
 *       recall of {@link LinkageErrorRates#recall}), independently, and the person becomes one unit
 *       per connected part. A part T of S survives whole with probability conn(T) · Π_{a∈T, b∈S∖T}
 *       (1 − λ_ab), conn(T) the probability that T's own links connect it.
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
    Splits s = new Splits(r);
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
    Splits s = new Splits(r);
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
   * The probability that the records of a person on lists S form, among the parts the linkage
   * splits them into, exactly the part T: conn(T) · Π_{a∈T, b∈S∖T} (1 − λ_ab).
   */
  private static final class Splits {
    private final double[][] miss;
    private final double[] conn;

    Splits(LinkageErrorRates r) {
      int k = r.lists().size();
      miss = new double[k][k];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          miss[a][b] = 1 - r.recall(a, b);
        }
      }
      conn = new double[1 << k];
      for (int t = 1; t < conn.length; t++) {
        conn[t] = connected(t);
      }
    }

    double survives(int t, int s) {
      return conn[t] * cut(t, s & ~t);
    }

    /** 1 − Σ over proper parts C of T holding T's lowest list: conn(C) · cut(C, T∖C). */
    private double connected(int t) {
      int low = Integer.lowestOneBit(t);
      int rest = t & ~low;
      if (rest == 0) {
        return 1;
      }
      double apart = 0;
      // every C = low ∪ (a proper subset of rest)
      for (int sub = (rest - 1) & rest; ; sub = (sub - 1) & rest) {
        int c = low | sub;
        apart += conn[c] * cut(c, t & ~c);
        if (sub == 0) {
          break;
        }
      }
      return 1 - apart;
    }

    /** The probability that no link joins a record of lists a to one of lists b. */
    private double cut(int a, int b) {
      double p = 1;
      for (int i = 0; i < miss.length; i++) {
        if ((a >> i & 1) == 1) {
          for (int j = 0; j < miss.length; j++) {
            if ((b >> j & 1) == 1) {
              p *= miss[i][j];
            }
          }
        }
      }
      return p;
    }
  }
}
