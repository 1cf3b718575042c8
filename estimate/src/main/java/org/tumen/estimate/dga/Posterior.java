package org.tumen.estimate.dga;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.special.Gamma;
import org.tumen.estimate.CaptureTable;

/**
 * The posterior of the number of people no list saw, averaged over decomposable graphs, after
 * Madigan & York (1997, Biometrika 84(1):19–31, eq. 2–4) with the priors of Johndrow, Lum & Ball's
 * R package dga (2015): a hyper-Dirichlet prior on the cell probabilities of each graph, every
 * graph equally likely, and p(N) ∝ 1/N.
 *
 * <p>With K lists, n people observed and u unobserved (N = n + u), a graph G with cliques C and
 * separators S has the marginal likelihood
 *
 * <pre>
 *   p(table | G, u) = N! / (u! ∏ n_c!) · ∏_C D_C(u) / ∏_S D_S(u)
 * </pre>
 *
 * where D_A is the Dirichlet–multinomial probability of the marginal table of the lists in A under
 * a Dirichlet prior with α_A = δ·2^(K−|A|) per cell (the hyper-Dirichlet's consistent marginals,
 * total mass δ·2^K in every margin):
 *
 * <pre>
 *   log D_A(u) = lgamma(δ2^K) − lgamma(N + δ2^K) + Σ_cells [lgamma(m_A,c + α_A) − lgamma(α_A)]
 * </pre>
 *
 * and the margin's all-absent cell holds the people on none of A's lists, u among them. Dawid &
 * Lauritzen (1993) show the factorisation; the multinomial coefficient turns the probability of one
 * ordering into that of the counts. The posterior of (G, u) is this times 1/N.
 *
 * <p>u is summed over a grid from 0 to an upper end M beyond which less than {@value #TAIL} of the
 * posterior's mass lies. The tail beyond M decays as a power of u (with p(N) ∝ 1/N the posterior of
 * a sparse table can fall as slowly as u^−1.9), so its mass, M·p(M)/(k − 1) for a local slope −k on
 * the log–log scale, is added to the total: the quantiles then do not depend on where the grid
 * ends. Up to {@value #RESOLUTION} the grid steps by 1 (an exact sum); beyond, a bin of width w ≤
 * u/{@value #RESOLUTION} stands for its w integers with the posterior at its middle, so a quantile
 * is off by at most 1/{@value #RESOLUTION} of itself.
 */
final class Posterior {
  /** The grid is exact up to this many unobserved people, and relative to u beyond. */
  static final long RESOLUTION = 2_000;

  /** The grid ends where the mass beyond it is estimated below this share of the mass before. */
  static final double TAIL = 1e-4;

  /** The grid stops at this many times the observed: beyond it, the data bound nothing. */
  static final long MAX_FACTOR = 100_000;

  private final long observed;
  private final long[] binStart;
  private final long[] binWidth;
  private final double[] binProbability;
  private final double[] graphProbability;
  private final long upper;

  private Posterior(
      long observed,
      long[] binStart,
      long[] binWidth,
      double[] binProbability,
      double[] graphProbability,
      long upper) {
    this.observed = observed;
    this.binStart = binStart;
    this.binWidth = binWidth;
    this.binProbability = binProbability;
    this.graphProbability = graphProbability;
    this.upper = upper;
  }

  /**
   * The posterior for {@code table} with hyper-Dirichlet parameter {@code delta}, or null when it
   * does not vanish within {@value #MAX_FACTOR} times the observed (the lists overlap too little to
   * bound the total, and the answer would be the grid's end, not the data's).
   */
  static Posterior of(CaptureTable table, double delta, List<DecomposableGraph> graphs) {
    return of(table, delta, graphs, total -> -Math.log(total));
  }

  /** The same with another prior on the total: {@code logPrior} maps N to log p(N) + constant. */
  static Posterior of(
      CaptureTable table,
      double delta,
      List<DecomposableGraph> graphs,
      DoubleUnaryOperator logPrior) {
    Terms terms = new Terms(table, delta, graphs, logPrior);
    long cap = MAX_FACTOR * Math.max(100, table.observed());
    Long end = terms.negligibleFrom(cap);
    return end == null ? null : terms.sum(end);
  }

  /** The smallest total N whose posterior probability of N or fewer reaches {@code q}. */
  double quantile(double q) {
    double before = 0;
    for (int j = 0; j < binStart.length; j++) {
      double p = binProbability[j];
      if (before + p >= q || j == binStart.length - 1) {
        long w = binWidth[j];
        long k = w == 1 || p <= 0 ? 0 : (long) Math.ceil((q - before) / (p / w)) - 1;
        return observed + binStart[j] + Math.max(0, Math.min(w - 1, k));
      }
      before += p;
    }
    throw new IllegalStateException("cannot happen: the grid is never empty");
  }

  /** The posterior probability of each graph, in the order of the graphs given. */
  double[] graphProbabilities() {
    return graphProbability.clone();
  }

  /** The largest number of unobserved people on the grid. */
  long gridUpper() {
    return upper;
  }

  /** The log posterior's parts that do not depend on u, and its value at any u. */
  private static final class Terms {
    private final long observed;
    private final double totalMass;
    private final int subsets;
    private final double[] constant;
    private final double[] alpha;
    private final long[] absent;
    private final int[][] graphSubsets;
    private final int[][] graphSigns;
    private final double[] term;
    private final double[] logJoint;
    private final DoubleUnaryOperator logPrior;

    Terms(
        CaptureTable table,
        double delta,
        List<DecomposableGraph> graphs,
        DoubleUnaryOperator logPrior) {
      this.logPrior = logPrior;
      int k = table.listCount();
      long[] counts = table.counts();
      observed = table.observed();
      subsets = 1 << k;
      totalMass = delta * subsets;
      constant = new double[subsets];
      alpha = new double[subsets];
      absent = new long[subsets];
      for (int a = 1; a < subsets; a++) {
        alpha[a] = delta * (1 << (k - Integer.bitCount(a)));
        long[] margin = new long[subsets];
        for (int p = 1; p < subsets; p++) {
          margin[p & a] += counts[p];
        }
        absent[a] = margin[0];
        double c = Gamma.logGamma(totalMass) - Gamma.logGamma(alpha[a]);
        for (int cell = a; cell != 0; cell = (cell - 1) & a) {
          c += Gamma.logGamma(margin[cell] + alpha[a]) - Gamma.logGamma(alpha[a]);
        }
        constant[a] = c;
      }
      graphSubsets = new int[graphs.size()][];
      graphSigns = new int[graphs.size()][];
      for (int g = 0; g < graphs.size(); g++) {
        int[] cliques = graphs.get(g).cliques();
        int[] separators = graphs.get(g).separators();
        graphSubsets[g] = new int[cliques.length + separators.length];
        graphSigns[g] = new int[cliques.length + separators.length];
        for (int i = 0; i < cliques.length; i++) {
          graphSubsets[g][i] = cliques[i];
          graphSigns[g][i] = 1;
        }
        for (int i = 0; i < separators.length; i++) {
          graphSubsets[g][cliques.length + i] = separators[i];
          graphSigns[g][cliques.length + i] = -1;
        }
      }
      term = new double[subsets];
      logJoint = new double[graphs.size()];
    }

    /** Fills {@link #logJoint} with log p(G, u | table) up to a constant, for every graph. */
    void evaluate(double u) {
      double total = observed + u;
      double shared = Gamma.logGamma(total + totalMass);
      for (int a = 1; a < subsets; a++) {
        term[a] = constant[a] + Gamma.logGamma(absent[a] + u + alpha[a]) - shared;
      }
      double common =
          Gamma.logGamma(total + 1) - Gamma.logGamma(u + 1) + logPrior.applyAsDouble(total);
      for (int g = 0; g < logJoint.length; g++) {
        double l = common;
        int[] s = graphSubsets[g];
        int[] sign = graphSigns[g];
        for (int i = 0; i < s.length; i++) {
          l += sign[i] * term[s[i]];
        }
        logJoint[g] = l;
      }
    }

    /** log Σ_G p(G, u | table) up to the same constant. */
    double logMarginal(double u) {
      evaluate(u);
      return logSumExp(logJoint);
    }

    /**
     * The first u of 1, 2, 4, 8, … beyond which the posterior's tail holds less than {@link #TAIL}
     * of its mass; null if none up to {@code cap}. The tail beyond u is taken as a power law u^−k
     * with k read from the last two probes: its mass is then u·f(u)/(k − 1). The mass before u is a
     * trapezoid sum over the probes, which underestimates a narrow peak and so errs towards a
     * longer grid. Where the posterior falls slower than 1/u it is improper and no u qualifies.
     */
    Long negligibleFrom(long cap) {
      List<double[]> probes = new ArrayList<>();
      probes.add(new double[] {0, logMarginal(0)});
      for (long u = 1; u <= cap; u *= 2) {
        double f = logMarginal(u);
        double[] last = probes.get(probes.size() - 1);
        probes.add(new double[] {u, f});
        double slope = (last[1] - f) / Math.log(2);
        if (u < 4 || !(slope > 1)) {
          continue;
        }
        double peak = probes.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        double mass = 0;
        for (int i = 1; i < probes.size(); i++) {
          double[] a = probes.get(i - 1);
          double[] b = probes.get(i);
          mass += (b[0] - a[0]) * (Math.exp(a[1] - peak) + Math.exp(b[1] - peak)) / 2;
        }
        double tail = u * Math.exp(f - peak) / (slope - 1);
        if (tail < TAIL * mass) {
          return u;
        }
      }
      return null;
    }

    Posterior sum(long end) {
      List<long[]> bins = new ArrayList<>();
      for (long u = 0; u <= end; ) {
        long w = Math.max(1, Math.min(u / RESOLUTION, end - u + 1));
        bins.add(new long[] {u, w});
        u += w;
      }
      int n = bins.size();
      long[] start = new long[n];
      long[] width = new long[n];
      double[] logBin = new double[n];
      double[] graphMass = new double[logJoint.length];
      // graphMass is kept relative to exp(reference), raised when a larger term arrives.
      double reference = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        start[j] = bins.get(j)[0];
        width[j] = bins.get(j)[1];
        evaluate(start[j] + (width[j] - 1) / 2.0);
        double logWidth = Math.log(width[j]);
        double max = max(logJoint) + logWidth;
        if (max > reference) {
          double scale = Math.exp(reference - max);
          for (int g = 0; g < graphMass.length; g++) {
            graphMass[g] *= scale;
          }
          reference = max;
        }
        double sum = 0;
        for (int g = 0; g < logJoint.length; g++) {
          double p = Math.exp(logJoint[g] + logWidth - reference);
          graphMass[g] += p;
          sum += p;
        }
        logBin[j] = reference + Math.log(sum);
      }
      double logTotal = logSumExp(logBin);
      double fEnd = logMarginal(end);
      double slope = (logMarginal(end / 2.0) - fEnd) / Math.log(2);
      if (slope > 1) {
        double logTail = Math.log(end) + fEnd - Math.log(slope - 1);
        logTotal = logSumExp(new double[] {logTotal, logTail});
      }
      double[] binProbability = new double[n];
      for (int j = 0; j < n; j++) {
        binProbability[j] = Math.exp(logBin[j] - logTotal);
      }
      double massTotal = 0;
      for (double m : graphMass) {
        massTotal += m;
      }
      for (int g = 0; g < graphMass.length; g++) {
        graphMass[g] /= massTotal;
      }
      return new Posterior(observed, start, width, binProbability, graphMass, end);
    }
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  static double logSumExp(double[] values) {
    double m = max(values);
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double v : values) {
      s += Math.exp(v - m);
    }
    return m + Math.log(s);
  }
}
