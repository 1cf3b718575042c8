package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.LinkageDraws;
import org.tumen.estimate.PopulationEstimate;

/**
 * Carries the uncertainty of record linkage into the estimate. Linkage decides who is one person,
 * so it decides the capture table; an estimate from one clustering treats that table as known.
 *
 * <p>Two views of the linkage are combined. (1) The clusters: pairs linked above the threshold.
 * They miss the true matches of the uncertain pairs, and missed links push the estimate up. (2) K
 * clusterings drawn from the pair probabilities ({@code tumen link --draws}), each giving a table
 * and, by the same model search, an estimate N_d, combined as multiple imputations (Rubin 1987,
 * "Multiple Imputation for Nonresponse in Surveys") on the log scale: exp(mean ln N_d), with each
 * end of the interval √(w² + z² (1 + 1/K) B) log units away, w that end's distance in the clusters'
 * own interval and B the variance of ln N_d. The draws are as good as the probabilities: where they
 * are too confident (large lists full of namesakes), the draws link namesakes across lists and push
 * the estimate down.
 *
 * <p>Without labels neither error can be told from the other, so the estimate is the geometric mean
 * of the two views and the interval runs from the lower of their lower ends to the higher of their
 * upper ends. On simulated lists this held the estimate of the true linkage where either view alone
 * missed it (docs/methods.md, "Linkage uncertainty"). Sadinle (2018, Annals of Applied Statistics
 * 12:1013) propagates linkage uncertainty into population size with a joint Bayesian model; this is
 * a two-stage approximation that fits Tumen's separate linker and estimator.
 */
final class LinkageUncertainty {

  private LinkageUncertainty() {}

  /**
   * @param clusters the estimate from the clusters, with its interval
   * @param draws per drawn clustering, the chosen model's estimate (null when none was estimable)
   * @param models per drawn clustering, the chosen model's name
   */
  static PopulationEstimate combine(PopulationEstimate clusters, Double[] draws, String[] models) {
    int k = draws.length;
    if (k < 2) {
      throw new IllegalArgumentException("need at least two drawn clusterings, not " + k);
    }
    if (!clusters.isEstimable()) {
      return clusters;
    }
    double n = clusters.estimate();
    Interval in = clusters.interval();
    List<String> warnings = new ArrayList<>(clusters.diagnostics().warnings());
    double[] finite = Arrays.stream(draws).filter(d -> d != null).mapToDouble(d -> d).toArray();
    Map<String, Integer> chosen = new TreeMap<>();
    for (int d = 0; d < k; d++) {
      if (draws[d] != null) {
        chosen.merge(models[d], 1, Integer::sum);
      }
    }
    Arrays.sort(finite);
    String range =
        finite.length == 0
            ? "none"
            : String.format(Locale.ROOT, "%,.0f to %,.0f", finite[0], finite[finite.length - 1]);
    if (finite.length < k) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "linkage: %d of %d clusterings drawn from the pair probabilities gave a table with no"
                  + " estimable model (the others: %s); the estimate is the clusters' own and the"
                  + " interval is unbounded above",
              k - finite.length,
              k,
              range));
      return with(
          clusters,
          n,
          new Interval(in.level(), in.lower(), Double.POSITIVE_INFINITY),
          new LinkageDraws(k, Arrays.asList(draws), chosen, n, in, null, null),
          warnings);
    }
    Interval rubin = rubin(clusters, finite);
    double drawn = Math.max(centre(finite), clusters.observed());
    double estimate = Math.max(Math.sqrt(n * drawn), clusters.observed());
    Interval out =
        new Interval(
            in.level(),
            Math.min(Math.min(in.lower(), rubin.lower()), estimate),
            Math.max(Math.max(in.upper(), rubin.upper()), estimate));
    warnings.add(
        String.format(
            Locale.ROOT,
            "linkage: the clusters gave %,.0f (%,.0f – %s); %d clusterings drawn from the pair"
                + " probabilities gave %s (the model chosen anew on each), combined %,.0f (%,.0f –"
                + " %s). Missed links push the first up, over-confident pairs the second down: the"
                + " estimate is their geometric mean and the interval holds both",
            n,
            in.lower(),
            upper(in),
            k,
            range,
            drawn,
            rubin.lower(),
            upper(rubin)));
    return with(
        clusters,
        estimate,
        out,
        new LinkageDraws(k, Arrays.asList(draws), chosen, n, in, drawn, rubin),
        warnings);
  }

  /** The draws combined by Rubin's rules on the log scale, around their geometric mean. */
  private static Interval rubin(PopulationEstimate clusters, double[] draws) {
    int k = draws.length;
    Interval in = clusters.interval();
    double n = clusters.estimate();
    double mean = centre(draws);
    double b = 0;
    for (double d : draws) {
      b += Math.pow(Math.log(d / mean), 2) / (k - 1);
    }
    double between = (1 + 1.0 / k) * b;
    double z = new NormalDistribution().inverseCumulativeProbability(0.5 + in.level() / 2);
    double down = Math.log(n / in.lower());
    double lower = mean * Math.exp(-Math.sqrt(down * down + z * z * between));
    double upper = in.upper();
    if (!Double.isInfinite(upper)) {
      double up = Math.log(upper / n);
      upper = mean * Math.exp(Math.sqrt(up * up + z * z * between));
    }
    lower = Math.min(Math.max(lower, clusters.observed()), mean);
    return new Interval(in.level(), lower, Math.max(upper, mean));
  }

  private static double centre(double[] draws) {
    double sum = 0;
    for (double d : draws) {
      sum += Math.log(d);
    }
    return Math.exp(sum / draws.length);
  }

  private static String upper(Interval i) {
    return Double.isInfinite(i.upper())
        ? "unbounded"
        : String.format(Locale.ROOT, "%,.0f", i.upper());
  }

  private static PopulationEstimate with(
      PopulationEstimate e,
      double estimate,
      Interval interval,
      LinkageDraws linkage,
      List<String> warnings) {
    Diagnostics d = e.diagnostics();
    return new PopulationEstimate(
        e.method(),
        e.model(),
        e.lists(),
        e.observed(),
        estimate,
        interval,
        d.with(linkage, d.convergence(), warnings));
  }
}
