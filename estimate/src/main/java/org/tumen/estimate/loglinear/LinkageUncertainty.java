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
 * Carries the uncertainty of record linkage into the interval. Linkage decides who is one person,
 * so it decides the capture table; an estimate from one clustering treats that table as known.
 * Linkage gives K alternative clusterings drawn from its pair probabilities ({@code tumen link
 * --draws}); each gives a table, and the same model search on each gives an estimate N_d. Their
 * spread around the headline estimate N̂, on the log scale, is added to the interval as Rubin's
 * between-imputation variance (Rubin 1987, "Multiple Imputation for Nonresponse in Surveys": T = W
 * + (1 + 1/K) B), keeping the interval's own asymmetry: each end's distance from N̂ in log units is
 * the "within" part.
 *
 * <p>B is the mean of (ln N_d − ln N̂)², not the variance of ln N_d: if the drawn clusterings give
 * systematically more (or fewer) people than the headline clustering, the shift widens the interval
 * too, instead of being averaged away. Sadinle (2018, Annals of Applied Statistics 12:1013)
 * propagates linkage uncertainty into population size with a joint Bayesian model; this is the
 * two-stage approximation that fits Tumen's separate linker and estimator.
 */
final class LinkageUncertainty {

  private LinkageUncertainty() {}

  /**
   * @param headline the estimate from the headline clustering, with its interval
   * @param draws per drawn clustering, the chosen model's estimate (null when none was estimable)
   * @param models per drawn clustering, the chosen model's name
   */
  static PopulationEstimate widen(PopulationEstimate headline, Double[] draws, String[] models) {
    if (!headline.isEstimable()) {
      return headline;
    }
    int k = draws.length;
    double n = headline.estimate();
    Interval in = headline.interval();
    List<String> warnings = new ArrayList<>(headline.diagnostics().warnings());
    Map<String, Object> facts = new LinkedHashMap<>(headline.diagnostics().convergence());
    long inestimable = Arrays.stream(draws).filter(d -> d == null).count();
    double sumSq = 0;
    double[] finite = Arrays.stream(draws).filter(d -> d != null).mapToDouble(d -> d).toArray();
    for (double d : finite) {
      double gap = Math.log(d) - Math.log(n);
      sumSq += gap * gap;
    }
    Arrays.sort(finite);
    Map<String, Integer> chosen = new TreeMap<>();
    for (int d = 0; d < k; d++) {
      if (draws[d] != null) {
        chosen.merge(models[d], 1, Integer::sum);
      }
    }
    facts.put("linkageDraws", k);
    facts.put("linkageDrawEstimates", Arrays.asList(draws));
    facts.put("linkageDrawModels", chosen);
    // JSON has no infinity: an unbounded end is null, as in the interval itself (EstimateJson)
    facts.put(
        "intervalBeforeLinkage",
        Arrays.asList(in.lower(), Double.isInfinite(in.upper()) ? null : in.upper()));
    Interval out;
    if (inestimable > 0) {
      out = new Interval(in.level(), in.lower(), Double.POSITIVE_INFINITY);
      warnings.add(
          inestimable
              + " of "
              + k
              + " drawn clusterings gave a table with no estimable model: the interval is unbounded"
              + " above");
    } else {
      double between = (1 + 1.0 / k) * sumSq / k;
      double z = new NormalDistribution().inverseCumulativeProbability(0.5 + in.level() / 2);
      double down = Math.log(n / in.lower());
      double lower =
          between == 0 ? in.lower() : n * Math.exp(-Math.sqrt(down * down + z * z * between));
      double upper = in.upper();
      if (between > 0 && !Double.isInfinite(upper)) {
        double up = Math.log(upper / n);
        upper = n * Math.exp(Math.sqrt(up * up + z * z * between));
      }
      out = new Interval(in.level(), Math.max(lower, headline.observed()), upper);
      double share = share(in, out);
      if (Double.isFinite(share)) {
        facts.put("linkageShareOfWidth", share);
      }
    }
    warnings.add(
        String.format(
            Locale.ROOT,
            "interval: widened for linkage uncertainty: %d clusterings drawn from the pair"
                + " probabilities gave estimates %s (the model chosen anew on each)",
            k,
            finite.length == 0
                ? "none"
                : String.format(
                    Locale.ROOT, "%,.0f to %,.0f", finite[0], finite[finite.length - 1])));
    return new PopulationEstimate(
        headline.method(),
        headline.model(),
        headline.lists(),
        headline.observed(),
        n,
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

  /** The share of the widened interval's log width that the linkage added. */
  private static double share(Interval before, Interval after) {
    if (Double.isInfinite(after.upper())) {
      return Double.NaN;
    }
    double w0 = Math.log(before.upper() / before.lower());
    double w1 = Math.log(after.upper() / after.lower());
    return w1 <= 0 ? 0 : Math.max(0, 1 - w0 / w1);
  }
}
