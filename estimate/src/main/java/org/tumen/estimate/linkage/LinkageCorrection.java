package org.tumen.estimate.linkage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.LinkageDraws;
import org.tumen.estimate.PopulationEstimate;

/**
 * An estimate from a table corrected for linkage errors ({@link CaptureCorrection}), said so in its
 * diagnostics; and, with drawn clusterings, the estimate centred on the corrected table.
 *
 * <p>Why centred there: the draws re-decide the scored pairs with their probabilities, so in each
 * draw about as many true matches go unlinked as false pairs get linked (for calibrated
 * probabilities Σ_matches (1 − p) = Σ_non-matches p); their table is not the true one, and their
 * centre is not an estimate of it. Their spread is what they add: how much the estimate moves when
 * the uncertain pairs are decided otherwise. The interval is the corrected table's, each end
 * widened by that spread as in Rubin's (1987) rules: √(w² + z²(1 + 1/K)B) log units from the
 * estimate, w that end's distance in the corrected table's interval, B the variance of the draws'
 * log estimates.
 */
public final class LinkageCorrection {

  private LinkageCorrection() {}

  /**
   * The estimate of a corrected table, with what the correction did in its warnings and in {@code
   * diagnostics.convergence.linkageCorrection}. Given the same method's estimate from the table as
   * linked, the interval stretches to hold that one's interval too: the rates come from the
   * linkage's own probabilities, which can overstate its missed links (namesakes of large lists) as
   * well as understate them (matches its model scores near zero), so the correction may overshoot;
   * the estimate stays the corrected one.
   *
   * @param uncorrected the same method's estimate from the table as linked, or null
   */
  public static PopulationEstimate annotate(
      PopulationEstimate e,
      CaptureCorrection.Result correction,
      long observed,
      LinkageErrorRates rates,
      PopulationEstimate uncorrected) {
    Map<String, Object> facts = new LinkedHashMap<>(e.diagnostics().convergence());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("expectedMissedLinks", rates.totalMissed());
    c.put("expectedFalseLinks", rates.totalFalse());
    c.put("observedAsLinked", observed);
    c.put("observedCorrected", correction.table().observed());
    c.put("clippedNegative", correction.clipped());
    c.put("leaveProbability", leave(rates));
    boolean both = uncorrected != null && uncorrected.isEstimable() && e.isEstimable();
    c.put("estimateUncorrected", both ? uncorrected.estimate() : null);
    c.put(
        "intervalUncorrected",
        both ? java.util.Arrays.asList(uncorrected.interval().lower(), finite(uncorrected)) : null);
    facts.put("linkageCorrection", c);
    List<String> warnings = new ArrayList<>(e.diagnostics().warnings());
    warnings.add(
        String.format(
            Locale.ROOT,
            "linkage errors: the table was corrected for the %,.0f missed and %,.0f false links"
                + " the linkage expects from its pair probabilities (%,d people as linked, %,d"
                + " corrected%s). Matches it scored below its floor are not in this: where its"
                + " model is wrong about a field, it misses links it cannot see"
                + " (docs/methods.md, \"Linkage errors\")",
            rates.totalMissed(),
            rates.totalFalse(),
            observed,
            correction.table().observed(),
            !both
                ? ""
                : String.format(
                    Locale.ROOT,
                    "; as linked %,.0f, which the interval also holds",
                    uncorrected.estimate())));
    Interval interval = e.interval();
    if (both) {
      interval =
          new Interval(
              interval.level(),
              Math.min(interval.lower(), uncorrected.interval().lower()),
              Math.max(interval.upper(), uncorrected.interval().upper()));
    }
    Diagnostics d = e.diagnostics();
    return new PopulationEstimate(
        e.method(),
        e.model(),
        e.lists(),
        e.observed(),
        e.estimate(),
        interval,
        d.with(d.linkage(), facts, warnings));
  }

  private static Double finite(PopulationEstimate e) {
    return Double.isInfinite(e.interval().upper()) ? null : e.interval().upper();
  }

  /**
   * Recentres an estimate across drawn clusterings (LogLinear.selectAcrossLinkages, given the
   * corrected table) on the corrected table's own estimate, its interval widened by the draws'
   * spread. Returned unchanged when a draw had no estimate or the facts are missing.
   */
  public static PopulationEstimate aroundCorrected(PopulationEstimate across) {
    Map<String, Object> facts = new LinkedHashMap<>(across.diagnostics().convergence());
    LinkageDraws linkage = across.diagnostics().linkage();
    if (linkage == null
        || linkage.drawEstimates().size() < 2
        || linkage.drawEstimates().stream().anyMatch(x -> x == null)) {
      return across;
    }
    double n = linkage.estimateFromClusters();
    double[] logs = linkage.drawEstimates().stream().mapToDouble(Math::log).toArray();
    double mean = 0;
    for (double l : logs) {
      mean += l / logs.length;
    }
    double b = 0;
    for (double l : logs) {
      b += (l - mean) * (l - mean) / (logs.length - 1);
    }
    double level = across.interval().level();
    double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
    double between = z * z * (1 + 1.0 / logs.length) * b;
    Interval ends = linkage.intervalFromClusters();
    double down = Math.log(n / ends.lower());
    double lower = Math.max(across.observed(), n * Math.exp(-Math.sqrt(down * down + between)));
    double upper = Double.POSITIVE_INFINITY;
    if (Double.isFinite(ends.upper())) {
      double up = Math.log(ends.upper() / n);
      upper = n * Math.exp(Math.sqrt(up * up + between));
    }
    facts.put("linkageDrawLogVariance", b);
    List<String> warnings = new ArrayList<>();
    for (String w : across.diagnostics().warnings()) {
      if (!w.startsWith("linkage: the clusters gave")) {
        warnings.add(w);
      }
    }
    warnings.add(
        String.format(
            Locale.ROOT,
            "linkage: %d clusterings drawn from the pair probabilities gave estimates %,.0f to"
                + " %,.0f; their spread widens the corrected table's interval (their centre,"
                + " %,.0f, keeps as many false links as it undoes missed ones)",
            logs.length,
            Math.exp(min(logs)),
            Math.exp(max(logs)),
            Math.exp(mean)));
    Diagnostics d = across.diagnostics();
    return new PopulationEstimate(
        across.method(),
        across.model(),
        across.lists(),
        across.observed(),
        n,
        new Interval(level, Math.min(lower, n), Math.max(upper, n)),
        d.with(d.linkage(), facts, warnings));
  }

  /** Each list's probability that a record leaves its person unlinked, fitted to the recalls. */
  private static Map<String, Double> leave(LinkageErrorRates rates) {
    double[] delta = new CaptureCorrection.Detachment(rates).delta;
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < delta.length; i++) {
      out.put(rates.lists().get(i), delta[i]);
    }
    return out;
  }

  private static double min(double[] x) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : x) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] x) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }
}
