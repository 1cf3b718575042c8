package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.PopulationEstimate;

/**
 * Carries the uncertainty of record linkage into the estimate. Linkage decides who is one person,
 * so it decides the capture table; an estimate from one clustering treats that table as known.
 * Linkage gives K alternative clusterings drawn from its pair probabilities ({@code tumen link
 * --draws}); each gives a table, and the same model search on each gives an estimate N_d. They are
 * combined as multiple imputations (Rubin 1987, "Multiple Imputation for Nonresponse in Surveys")
 * on the log scale: the estimate is exp(mean ln N_d), and the total variance T = W + (1 + 1/K) B, B
 * the variance of ln N_d. W is taken from the interval of the headline clustering, one end at a
 * time, so the interval keeps its asymmetry: each end lies √(w² + z² (1 + 1/K) B) from the estimate
 * in log units, w the end's distance from the headline estimate.
 *
 * <p>Why the mean of the draws and not the headline clustering's estimate: the headline clustering
 * links a pair only above the threshold, so every uncertain true match is missed, and missed links
 * inflate an estimate (docs/methods.md). On simulated lists the draws' estimate lay much closer to
 * the estimate from the true linkage (docs/methods.md, "Linkage uncertainty"). Sadinle (2018,
 * Annals of Applied Statistics 12:1013) propagates linkage uncertainty into population size with a
 * joint Bayesian model; this is the two-stage approximation that fits Tumen's separate linker and
 * estimator.
 */
final class LinkageUncertainty {

  private LinkageUncertainty() {}

  /**
   * @param headline the estimate from the headline clustering, with its interval
   * @param draws per drawn clustering, the chosen model's estimate (null when none was estimable)
   * @param models per drawn clustering, the chosen model's name
   */
  static PopulationEstimate combine(PopulationEstimate headline, Double[] draws, String[] models) {
    int k = draws.length;
    if (k < 2) {
      throw new IllegalArgumentException("need at least two drawn clusterings, not " + k);
    }
    if (!headline.isEstimable()) {
      return headline;
    }
    double n = headline.estimate();
    Interval in = headline.interval();
    List<String> warnings = new ArrayList<>(headline.diagnostics().warnings());
    Map<String, Object> facts = new LinkedHashMap<>(headline.diagnostics().convergence());
    double[] finite = Arrays.stream(draws).filter(d -> d != null).mapToDouble(d -> d).toArray();
    Map<String, Integer> chosen = new TreeMap<>();
    for (int d = 0; d < k; d++) {
      if (draws[d] != null) {
        chosen.merge(models[d], 1, Integer::sum);
      }
    }
    facts.put("linkageDraws", k);
    facts.put("linkageDrawEstimates", Arrays.asList(draws));
    facts.put("linkageDrawModels", chosen);
    facts.put("estimateFromClusters", n);
    // JSON has no infinity: an unbounded end is null, as in the interval itself (EstimateJson)
    facts.put(
        "intervalFromClusters",
        Arrays.asList(in.lower(), Double.isInfinite(in.upper()) ? null : in.upper()));
    double estimate = n;
    Interval out;
    if (finite.length < k) {
      out = new Interval(in.level(), in.lower(), Double.POSITIVE_INFINITY);
      warnings.add(
          (k - finite.length)
              + " of "
              + k
              + " drawn clusterings gave a table with no estimable model: the estimate is the"
              + " clusters' own and the interval is unbounded above");
    } else {
      double mean = 0;
      for (double d : finite) {
        mean += Math.log(d) / k;
      }
      double b = 0;
      for (double d : finite) {
        b += (Math.log(d) - mean) * (Math.log(d) - mean) / (k - 1);
      }
      double between = (1 + 1.0 / k) * b;
      double z = new NormalDistribution().inverseCumulativeProbability(0.5 + in.level() / 2);
      double down = Math.log(n / in.lower());
      estimate = Math.max(Math.exp(mean), headline.observed());
      double lower = Math.exp(mean - Math.sqrt(down * down + z * z * between));
      double upper = in.upper();
      if (!Double.isInfinite(upper)) {
        double up = Math.log(upper / n);
        upper = Math.exp(mean + Math.sqrt(up * up + z * z * between));
      }
      lower = Math.min(Math.max(lower, headline.observed()), estimate);
      out = new Interval(in.level(), lower, Math.max(upper, estimate));
      facts.put("linkageBetweenVariance", b);
    }
    Arrays.sort(finite);
    warnings.add(
        String.format(
            Locale.ROOT,
            "linkage: %d clusterings drawn from the pair probabilities gave estimates %s (the"
                + " model chosen anew on each); estimate and interval combine them (Rubin's"
                + " rules on the log scale); the clusters alone gave %,.0f",
            k,
            finite.length == 0
                ? "none"
                : String.format(
                    Locale.ROOT, "%,.0f to %,.0f", finite[0], finite[finite.length - 1]),
            n));
    return new PopulationEstimate(
        headline.method(),
        headline.model(),
        headline.lists(),
        headline.observed(),
        estimate,
        out,
        new Diagnostics(
            headline.diagnostics().deviance(),
            headline.diagnostics().df(),
            headline.diagnostics().aic(),
            headline.diagnostics().bic(),
            facts,
            warnings,
            null));
  }
}
