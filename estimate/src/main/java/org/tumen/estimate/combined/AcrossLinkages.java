package org.tumen.estimate.combined;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.LinkageDraws;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.lcmcr.LcmcrOptions;

/**
 * The combined estimate with the uncertainty of record linkage: the clusterings drawn from the
 * linkage's pair probabilities ({@code tumen link --draws}) treated as multiple imputations of who
 * is one person (Rubin 1987, "Multiple Imputation for Nonresponse in Surveys").
 *
 * <p>The estimate is the combined estimate of the headline table (the clusters' table, corrected
 * for the linkage's expected errors when they are known): the draws re-decide the scored pairs with
 * their probabilities, so each keeps about as many false links as it undoes missed ones and their
 * centre is not an estimate of the true table (docs/methods.md, "Linkage errors"). What the draws
 * add is their spread: the same combined estimator is run on each drawn table (all its methods,
 * with the same seeds, so that Monte Carlo noise does not pass for linkage uncertainty), and B, the
 * variance of the draws' log estimates, widens each end of the headline interval as in Rubin's
 * rules: √(w² + z²(1 + 1/K)B) log units from the estimate, w that end's own distance. The combined
 * interval is Burnham & Anderson's unconditional one (methods' disagreement plus each one's
 * uncertainty); the draws' variance is a third, independent source, added the same way.
 */
public final class AcrossLinkages {
  private static final double Z = 1.959963984540054;

  private AcrossLinkages() {}

  /**
   * The combined estimate of {@code table}, its interval widened by the spread of the combined
   * estimates of the drawn tables.
   *
   * @param table the headline table (corrected for the linkage's errors when they are known)
   * @param draws the tables of the drawn clusterings, over the same lists
   */
  public static Combined.Result estimate(
      CaptureTable table, List<CaptureTable> draws, int maxOrder, LcmcrOptions lcmcr, long seed) {
    for (CaptureTable d : draws) {
      if (!d.lists().equals(table.lists())) {
        throw new IllegalArgumentException(
            "drawn clusterings are over lists " + d.lists() + ", not " + table.lists());
      }
    }
    Combined.Result headline = Combined.estimate(table, maxOrder, lcmcr, seed);
    LcmcrOptions one = oneChain(lcmcr);
    Double[] points =
        perDraw(draws, d -> Combined.estimate(d, maxOrder, one, seed).combined().estimate());
    return new Combined.Result(widen(headline.combined(), points), headline.components());
  }

  /**
   * As {@link #estimate}, on a table corrected for the linkage's expected errors, the interval also
   * holding the same combined estimate of the table as linked. The correction's rates come from the
   * linker's own pair probabilities, and how far those are off is not in the draws' spread (the
   * draws re-decide pairs with the same probabilities): measured on five sets of lists the
   * correction's net size was off by −9% to +116% of itself (docs/methods.md, "The correction's own
   * error"), so the true table can lie on either side of the corrected one and the interval holds
   * at least the uncorrected end. The estimate stays the corrected table's.
   *
   * @param asLinked the table of the clusters before the correction
   */
  public static Combined.Result estimate(
      CaptureTable table,
      CaptureTable asLinked,
      List<CaptureTable> draws,
      int maxOrder,
      LcmcrOptions lcmcr,
      long seed) {
    Combined.Result across = estimate(table, draws, maxOrder, lcmcr, seed);
    PopulationEstimate linked = Combined.estimate(asLinked, maxOrder, lcmcr, seed).combined();
    return new Combined.Result(holding(across.combined(), linked), across.components());
  }

  /**
   * The estimate with its interval stretched to hold the estimate of the table as linked, and
   * saying so; unchanged when either has no number.
   */
  static PopulationEstimate holding(PopulationEstimate e, PopulationEstimate asLinked) {
    if (!e.isEstimable() || !asLinked.isEstimable()) {
      return e;
    }
    double x = asLinked.estimate();
    Interval in = e.interval();
    Map<String, Object> facts = new LinkedHashMap<>(e.diagnostics().convergence());
    facts.put("estimateAsLinked", Math.round(x));
    List<String> warnings = new ArrayList<>(e.diagnostics().warnings());
    boolean inside = x >= in.lower() && x <= in.upper();
    warnings.add(
        String.format(
            Locale.ROOT,
            "linkage errors: the same estimate on the table as linked, before the correction, is"
                + " %,.0f; %s (the correction's rates are the linker's own probabilities, whose"
                + " error the draws do not show)",
            x,
            inside ? "the interval holds it" : "the interval is stretched to hold it"));
    Interval out = new Interval(in.level(), Math.min(in.lower(), x), Math.max(in.upper(), x));
    Diagnostics d = e.diagnostics();
    return new PopulationEstimate(
        e.method(),
        e.model(),
        e.lists(),
        e.observed(),
        e.estimate(),
        out,
        d.with(d.linkage(), facts, warnings));
  }

  /** As {@link #estimate}, by strata: each draw's total is its stratified combined estimate. */
  public static Combined.Result stratified(
      Map<String, CaptureTable> strata,
      List<Map<String, CaptureTable>> draws,
      int maxOrder,
      LcmcrOptions lcmcr,
      long seed) {
    Combined.Result headline = StratifiedCombined.estimate(strata, maxOrder, lcmcr, seed);
    LcmcrOptions one = oneChain(lcmcr);
    Double[] points =
        perDraw(
            draws, d -> StratifiedCombined.estimate(d, maxOrder, one, seed).combined().estimate());
    return new Combined.Result(widen(headline.combined(), points), headline.components());
  }

  /**
   * LCMCR on a drawn table runs one chain of the same length, not three: the chains are for R̂, and
   * a draw needs only a point. Its Monte Carlo error then enters B as if it were linkage
   * uncertainty, which widens the interval a little, never narrows it; the seed is the same on
   * every draw (common random numbers), so that this error is as small as it can be.
   */
  static LcmcrOptions oneChain(LcmcrOptions l) {
    return new LcmcrOptions(l.classes(), l.burnin(), l.samples(), l.thinning(), l.seed(), 1);
  }

  private static <T> Double[] perDraw(List<T> draws, Function<T, Double> point) {
    // Each draw is independent; LCMCR's chains inside run on their own threads too.
    return draws.parallelStream().map(point).toArray(Double[]::new);
  }

  /**
   * The headline with its interval widened by the draws' spread (Rubin's rules on the log scale);
   * unbounded above when a draw gives no estimate, unchanged with fewer than two draws.
   *
   * @param draws per drawn clustering, the same estimator's estimate (null where none)
   */
  static PopulationEstimate widen(PopulationEstimate headline, Double[] draws) {
    int k = draws.length;
    if (!headline.isEstimable() || k < 2) {
      return headline;
    }
    double n = headline.estimate();
    Interval in = headline.interval();
    List<String> warnings = new ArrayList<>(headline.diagnostics().warnings());
    Map<String, Object> facts = new LinkedHashMap<>(headline.diagnostics().convergence());
    LinkageDraws linkage = new LinkageDraws(k, Arrays.asList(draws), Map.of(), n, in, null, null);
    double[] finite = Arrays.stream(draws).filter(d -> d != null).mapToDouble(d -> d).toArray();
    Interval out;
    if (finite.length < k) {
      out = new Interval(in.level(), in.lower(), Double.POSITIVE_INFINITY);
      warnings.add(
          String.format(
              Locale.ROOT,
              "linkage: %d of %d clusterings drawn from the pair probabilities gave no combined"
                  + " estimate; the interval is unbounded above",
              k - finite.length,
              k));
    } else {
      double mean = 0;
      for (double d : finite) {
        mean += Math.log(d) / k;
      }
      double b = 0;
      for (double d : finite) {
        b += Math.pow(Math.log(d) - mean, 2) / (k - 1);
      }
      double between = Z * Z * (1 + 1.0 / k) * b;
      double down = Math.log(n / in.lower());
      double lower = Math.max(headline.observed(), n * Math.exp(-Math.sqrt(down * down + between)));
      double upper = Double.POSITIVE_INFINITY;
      if (Double.isFinite(in.upper())) {
        double up = Math.log(in.upper() / n);
        upper = n * Math.exp(Math.sqrt(up * up + between));
      }
      out = new Interval(in.level(), Math.min(lower, n), Math.max(upper, n));
      facts.put("linkageDrawLogVariance", b);
      Arrays.sort(finite);
      warnings.add(
          String.format(
              Locale.ROOT,
              "linkage: the same combined estimate on %d clusterings drawn from the pair"
                  + " probabilities gave %,.0f to %,.0f; their spread widens the interval (Rubin's"
                  + " rules); their centre, %,.0f, keeps as many false links as it undoes missed"
                  + " ones and is not the estimate",
              k,
              finite[0],
              finite[k - 1],
              Math.exp(mean)));
    }
    Diagnostics d = headline.diagnostics();
    return new PopulationEstimate(
        headline.method(),
        headline.model(),
        headline.lists(),
        headline.observed(),
        n,
        out,
        d.with(linkage, facts, warnings));
  }
}
