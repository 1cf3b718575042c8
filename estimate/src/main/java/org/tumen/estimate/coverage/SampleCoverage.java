package org.tumen.estimate.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.lcmcr.Multinomial;

/**
 * Chao's sample-coverage estimators for three or more lists (Chao et al. 2001, Statistics in
 * Medicine 20:3123–3157; formulas in {@link CoverageFormulas}): N̂0 (model "SC-N0", independent
 * lists), N̂ ("SC-N", dependence through the coefficients of covariation, for high coverage) and
 * the one-step N̂1 ("SC-N1", for low coverage). They need no model search and allow list
 * dependence, but N̂ and N̂1 are still biased low when capture is very heterogeneous.
 *
 * <p>Intervals, as in Chao et al. (2001) and their CARE1 program: a bootstrap standard error from
 * tables resampled multinomially out of a pseudo-population of round(N̂) people (the observed cells
 * plus N̂ − M unseen), then Chao's (1987, Biometrics 43:783–791) log-transformed interval [M +
 * f̂0/c, M + f̂0·c], f̂0 = N̂ − M, c = exp(1.96 √ln(1 + se²/f̂0²)), which never falls below M.
 */
public final class SampleCoverage {
  /** Bootstrap replicates; CARE1 uses 200, more make the interval ends steadier. */
  public static final int DEFAULT_REPLICATES = 1000;

  /** Seed of the default bootstrap, so the same table always gives the same interval. */
  public static final long DEFAULT_SEED = 2001L;

  private static final double LEVEL = 0.95;

  /** Chao et al. (2001): N̂ from this sample coverage on, N̂1 below it. */
  static final double HIGH_COVERAGE = 0.55;

  private static final double Z = 1.959963984540054;

  private SampleCoverage() {}

  /** N̂0, N̂ and N̂1 with 1,000-replicate bootstrap intervals (seed {@value #DEFAULT_SEED}). */
  public static List<PopulationEstimate> estimate(CaptureTable table) {
    return estimate(table, DEFAULT_REPLICATES, DEFAULT_SEED);
  }

  /** N̂0, N̂ and N̂1 with {@code replicates} bootstrap replicates drawn from {@code seed}. */
  public static List<PopulationEstimate> estimate(CaptureTable table, int replicates, long seed) {
    if (replicates < 2) {
      throw new IllegalArgumentException("at least 2 bootstrap replicates are needed");
    }
    int t = table.listCount();
    if (t < 3) {
      return List.of(
          inestimable(
              table,
              "SC",
              "sample coverage (Chao et al. 2001) needs three or more lists; with two, no"
                  + " estimator can tell list dependence from the number never seen"));
    }
    double[] counts = new double[1 << t];
    for (int p = 1; p < counts.length; p++) {
      counts[p] = table.count(p);
    }
    CoverageFormulas point = CoverageFormulas.of(t, counts);
    if (Double.isNaN(point.coverage())) {
      return allInestimable(table, "a list is empty, so its coverage is undefined");
    }
    if (Double.isNaN(point.n0())) {
      return allInestimable(
          table,
          "no one is on more than one list: with no overlap the lists say nothing about those"
              + " they missed");
    }
    List<PopulationEstimate> out = new ArrayList<>();
    out.add(
        withInterval(
            table,
            "SC-N0",
            point,
            point.n0(),
            CoverageFormulas::n0,
            replicates,
            seed,
            List.of(
                "N0 assumes independent lists and equal catchability; with dependence or"
                    + " heterogeneity it is biased, usually low")));
    if (Double.isNaN(point.nHat())) {
      out.add(
          inestimable(
              table,
              "SC-N",
              "the high-coverage estimator's denominator is not positive (sample coverage "
                  + format(point.coverage())
                  + " is too low); use SC-N1"));
    } else {
      List<String> warnings = new ArrayList<>();
      if (point.coverage() < HIGH_COVERAGE) {
        warnings.add(
            "sample coverage is low ("
                + format(point.coverage())
                + "): N is unstable here; Chao et al. (2001) recommend N1 (SC-N1) instead");
      }
      out.add(
          withInterval(
              table,
              "SC-N",
              point,
              point.nHat(),
              CoverageFormulas::nHat,
              replicates,
              seed,
              warnings));
    }
    out.add(
        withInterval(
            table,
            "SC-N1",
            point,
            point.n1(),
            CoverageFormulas::n1,
            replicates,
            seed,
            List.of(
                "N1 is a one-step approximation meant for low coverage; with strong"
                    + " heterogeneity it is a lower bound")));
    return out;
  }

  private static PopulationEstimate withInterval(
      CaptureTable table,
      String model,
      CoverageFormulas point,
      double raw,
      ToDoubleFunction<CoverageFormulas> estimator,
      int replicates,
      long seed,
      List<String> notes) {
    long observed = table.observed();
    List<String> warnings = new ArrayList<>(notes);
    double estimate = raw;
    if (!(estimate >= observed)) {
      // CARE1 returns M in this case; we do too, but say so.
      warnings.add(
          String.format(
              Locale.ROOT,
              "the formula gave %.1f, below the %d people observed; reported as %d",
              raw,
              observed,
              observed));
      estimate = observed;
    }
    Bootstrap boot = bootstrap(table, estimate, estimator, replicates, seed);
    double unseen = estimate - observed;
    Interval interval;
    if (unseen < 0.5) {
      interval = new Interval(LEVEL, observed, estimate + Z * boot.se());
      warnings.add("almost no one is estimated unseen; the interval is estimate + 1.96 se");
    } else {
      double c = Math.exp(Z * Math.sqrt(Math.log(1 + boot.se() * boot.se() / (unseen * unseen))));
      interval = new Interval(LEVEL, observed + unseen / c, observed + unseen * c);
    }
    if (boot.failed() > 0) {
      warnings.add(
          boot.failed()
              + " of "
              + replicates
              + " bootstrap tables had no defined estimate and were left out of the standard"
              + " error");
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("sampleCoverage", round(point.coverage(), 4));
    facts.put("seenByOtherLists", round(point.seenByOthers(), 3));
    facts.put("bootstrapReplicates", replicates);
    facts.put("seed", seed);
    return new PopulationEstimate(
        Method.CHAO,
        model,
        table.lists(),
        observed,
        estimate,
        interval,
        new Diagnostics(
            null,
            null,
            null,
            null,
            Double.isFinite(boot.se()) ? round(boot.se(), 2) : Double.NaN,
            null,
            List.of(),
            standing(model, point.coverage()),
            facts,
            warnings,
            null));
  }

  /**
   * The estimator Chao et al. (2001) recommend for the table's coverage is the one sample coverage
   * puts forward: N̂ at a coverage of 55% or more, N̂1 below. N̂0 assumes what the log-linear
   * search tests (independent lists, equal catchability), so it is never the headline.
   */
  private static Diagnostics.Standing standing(String model, double coverage) {
    boolean high = coverage >= HIGH_COVERAGE;
    boolean recommended = model.equals(high ? "SC-N" : "SC-N1");
    return recommended ? Diagnostics.Standing.HEADLINE : Diagnostics.Standing.ALTERNATIVE;
  }

  private record Bootstrap(double se, int failed) {}

  /**
   * Chao et al. (2001) / CARE1 bootstrap: each replicate is Multinomial(round(N̂); observed cells
   * and N̂ − M unseen, over round(N̂)), the unseen cell discarded and the estimator recomputed.
   */
  private static Bootstrap bootstrap(
      CaptureTable table,
      double estimate,
      ToDoubleFunction<CoverageFormulas> estimator,
      int replicates,
      long seed) {
    int t = table.listCount();
    int cells = 1 << t;
    long size = Math.round(estimate);
    double[] weights = new double[cells];
    for (int p = 1; p < cells; p++) {
      weights[p] = table.count(p);
    }
    weights[0] = Math.max(0, size - table.observed());
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
    long[] drawn = new long[cells];
    double[] resampled = new double[cells];
    double mean = 0;
    double squares = 0; // Welford's running sum of squared deviations
    int used = 0;
    for (int r = 0; r < replicates; r++) {
      Multinomial.sample(rng, size, weights, cells, drawn);
      double seen = 0;
      for (int p = 1; p < cells; p++) {
        resampled[p] = drawn[p];
        seen += drawn[p];
      }
      double value = estimator.applyAsDouble(CoverageFormulas.of(t, resampled));
      if (Double.isNaN(value)) {
        continue;
      }
      value = Math.max(value, seen); // the same floor as the point estimate (CARE1's rule)
      used++;
      double delta = value - mean;
      mean += delta / used;
      squares += delta * (value - mean);
    }
    double se = used > 1 ? Math.sqrt(squares / (used - 1)) : Double.POSITIVE_INFINITY;
    return new Bootstrap(se, replicates - used);
  }

  private static List<PopulationEstimate> allInestimable(CaptureTable table, String why) {
    return List.of(
        inestimable(table, "SC-N0", why),
        inestimable(table, "SC-N", why),
        inestimable(table, "SC-N1", why));
  }

  private static PopulationEstimate inestimable(CaptureTable table, String model, String why) {
    return new PopulationEstimate(
        Method.CHAO,
        model,
        table.lists(),
        table.observed(),
        null,
        null,
        Diagnostics.inestimable(why, List.of()));
  }

  private static String format(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }

  private static double round(double x, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(x * scale) / scale;
  }
}
